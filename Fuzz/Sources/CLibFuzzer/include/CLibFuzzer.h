// libFuzzer's entry point for programs that have their own main (libFuzzer's FuzzerDriver.cpp).
// SwiftPM gives every executable a main of its own, so the fuzz targets call this from it.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
