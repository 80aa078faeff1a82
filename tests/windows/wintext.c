/* Test support only: prints the text of a top-level window's controls, one per line, as UTF-8:
 *   wine64 wintext.exe "<window title>"
 * tests/windows/webview2-message.sh reads the desktop app's message box with it (the text of a
 * message box lives in a static control; Wine's message box has no Ctrl+C copy). It asks Wine's
 * window manager, not the app. Built by scripts/windows.sh with
 *   x86_64-w64-mingw32-gcc -O2 -o wintext.exe wintext.c
 */
#include <windows.h>
#include <stdio.h>

static void print_text(HWND hwnd)
{
    static WCHAR text[16384];
    static char utf8[65536];
    char cls[64] = "";
    DWORD_PTR len = 0;
    GetClassNameA(hwnd, cls, sizeof cls);
    if (!SendMessageTimeoutW(hwnd, WM_GETTEXT, ARRAYSIZE(text), (LPARAM)text, SMTO_ABORTIFHUNG, 5000, &len) || !len)
        return;
    int n = WideCharToMultiByte(CP_UTF8, 0, text, (int)len, utf8, sizeof utf8, NULL, NULL);
    printf("[%s] %.*s\n", cls, n, utf8);
}

static BOOL CALLBACK each_child(HWND hwnd, LPARAM unused)
{
    (void)unused;
    print_text(hwnd);
    return TRUE;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: wintext.exe <window title>\n");
        return 2;
    }
    HWND win = FindWindowA(NULL, argv[1]);
    if (!win) {
        fprintf(stderr, "wintext: no window titled \"%s\"\n", argv[1]);
        return 1;
    }
    EnumChildWindows(win, each_child, 0);
    return 0;
}
