// The system zlib (its CRC-32 is what CRC32 in PortlessCore uses).
#include <zlib.h>
