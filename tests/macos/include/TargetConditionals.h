/* Stand-in for Apple's TargetConditionals.h, for `scripts/windows.sh macos-check` only: ring's C
 * is compiled (never linked) for aarch64-apple-darwin without Apple's SDK. */
#pragma once
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 1
#define TARGET_OS_IPHONE 0
#define TARGET_OS_IOS 0
#define TARGET_OS_WATCH 0
#define TARGET_OS_TV 0
#define TARGET_OS_SIMULATOR 0
#define TARGET_OS_EMBEDDED 0
