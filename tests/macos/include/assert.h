/* Stand-in for the C library's assert.h, for `scripts/windows.sh macos-check` only. */
#pragma once
#define assert(x) ((void)0)
