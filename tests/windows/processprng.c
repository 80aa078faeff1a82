/* Test support only: a stand-in for Windows' bcryptprimitives.dll, which Wine 8 does not have.
 *
 * Rust's std (since 1.78) imports ProcessPrng from bcryptprimitives.dll for random numbers (hash
 * map keys, ...). Real Windows 10/11 has it; Wine 8.0 does not, so a Rust program fails to start
 * there (exit 53, "Library bcryptprimitives.dll ... not found" with WINEDEBUG=err+all).
 * scripts/windows.sh builds this file with
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll processprng.c -ladvapi32
 * and puts the DLL beside every .exe it runs under Wine. It never ships.
 */
#include <windows.h>
#include <ntsecapi.h> /* RtlGenRandom (advapi32's SystemFunction036) */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG length: fill large buffers in chunks below 2^31. */
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
