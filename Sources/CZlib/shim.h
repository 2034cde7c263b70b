// zlib (Debian's zlib1g-dev), for its CRC-32: a staged batch's checksum.
#include <zlib.h>
