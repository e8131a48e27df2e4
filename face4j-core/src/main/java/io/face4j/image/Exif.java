package io.face4j.image;

/**
 * Finds the EXIF orientation tag (274) without decoding: in a JPEG's APP1 "Exif" segment, a PNG's eXIf chunk, or a
 * TIFF's first IFD. Any malformed or missing structure gives 1 (upright): a broken EXIF block must not reject an
 * image that decodes. Also checks a JPEG reaches its EOI marker. Stateless.
 */
final class Exif {
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private Exif() {
    }

    static int orientation(byte[] data, ImageFormat format) {
        return switch (format) {
            case JPEG -> jpegOrientation(data);
            case PNG -> pngOrientation(data);
            case TIFF -> tiffOrientation(data, 0, data.length);
            default -> 1;
        };
    }

    /** Walks the JPEG segments before the first scan (SOS); the first APP1 starting "Exif\0\0" holds a TIFF block. */
    private static int jpegOrientation(byte[] d) {
        int p = 2;
        while (p + 4 <= d.length) {
            if ((d[p] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = d[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16be(d, p + 2);
            if (length < 2) {
                return 1;
            }
            int payload = p + 4;
            int end = Math.min(p + 2 + length, d.length);
            if (marker == 0xE1 && end - payload >= 6 && d[payload] == 'E' && d[payload + 1] == 'x' && d[payload + 2] == 'i'
                    && d[payload + 3] == 'f' && d[payload + 4] == 0 && d[payload + 5] == 0) {
                return tiffOrientation(d, payload + 6, end);
            }
            p += 2 + length;
        }
        return 1;
    }

    /** PNG chunks: 4-byte length, 4-byte type, data, 4-byte CRC; eXIf data is a TIFF block. */
    private static int pngOrientation(byte[] d) {
        int p = 8;
        while (p + 8 <= d.length) {
            long length = u32be(d, p);
            if (length > d.length - p - 8) {
                return 1;
            }
            if (d[p + 4] == 'e' && d[p + 5] == 'X' && d[p + 6] == 'I' && d[p + 7] == 'f') {
                return tiffOrientation(d, p + 8, p + 8 + (int) length);
            }
            if (d[p + 4] == 'I' && d[p + 5] == 'E' && d[p + 6] == 'N' && d[p + 7] == 'D') {
                return 1;
            }
            p += 12 + (int) length;
        }
        return 1;
    }

    /** A TIFF header ("II*\0" or "MM\0*", IFD0 offset) in d[start, end); entries are 12 bytes each. */
    private static int tiffOrientation(byte[] d, int start, int end) {
        if (end - start < 8) {
            return 1;
        }
        boolean little;
        if (d[start] == 'I' && d[start + 1] == 'I') {
            little = true;
        } else if (d[start] == 'M' && d[start + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(d, start + 2, little) != 42) {
            return 1;
        }
        long ifd = u32(d, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2) {
            return 1;
        }
        int p = start + (int) ifd;
        int count = u16(d, p, little);
        p += 2;
        for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
            if (u16(d, p, little) == ORIENTATION_TAG) {
                if (u16(d, p + 2, little) != TYPE_SHORT) {
                    return 1;
                }
                int value = u16(d, p + 8, little); // a single SHORT sits left-justified in the 4-byte value field
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /**
     * Whether a JPEG's entropy-coded data ends with an EOI marker: walks segments by their lengths (so an EXIF
     * thumbnail's own EOI is skipped), scans each SOS's data for the next marker (0xFF then neither 0x00 stuffing nor
     * RST0-7), and continues, which also covers progressive files with many scans.
     */
    static boolean jpegComplete(byte[] d) {
        int p = 2;
        while (p + 2 <= d.length) {
            if ((d[p] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = d[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                p += 2; // standalone markers have no length
                continue;
            }
            if (p + 4 > d.length) {
                return false;
            }
            int next = p + 2 + u16be(d, p + 2);
            if (next > d.length) {
                return false;
            }
            p = next;
            if (marker == 0xDA) {
                while (p + 1 < d.length) {
                    if ((d[p] & 0xFF) == 0xFF) {
                        int m = d[p + 1] & 0xFF;
                        if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) {
                            break;
                        }
                    }
                    p++;
                }
                if (p + 1 >= d.length) {
                    return false;
                }
            }
        }
        return false;
    }

    private static int u16be(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32be(byte[] d, int p) {
        return (long) u16be(d, p) << 16 | u16be(d, p + 2);
    }

    private static int u16(byte[] d, int p, boolean little) {
        return little ? (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 : u16be(d, p);
    }

    private static long u32(byte[] d, int p, boolean little) {
        return little ? (u16(d, p, true) | (long) u16(d, p + 2, true) << 16) : u32be(d, p);
    }
}
