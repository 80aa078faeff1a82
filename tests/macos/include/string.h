/* Stand-in for the C library's string.h, for `scripts/windows.sh macos-check` only (ring's C
 * uses these four). */
#pragma once
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
