package io.face4j.image;

/** The file formats {@link Images} reads, recognised by their leading bytes (never by the file name). */
enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    BMP("bmp"),
    PNM("pnm"),
    TIFF("tiff");

    /** The name ImageIO registers readers under. */
    final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format whose signature starts {@code data}, or null. */
    static ImageFormat detect(byte[] data) {
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(data, 'B', 'M') && data.length >= 26) {
            return BMP;
        }
        // Netpbm: 'P' then 1..7 (P1-P6 PBM/PGM/PPM, P7 PAM) then whitespace.
        if (data.length >= 3 && data[0] == 'P' && data[1] >= '1' && data[1] <= '7' && Character.isWhitespace(data[2])) {
            return PNM;
        }
        if (startsWith(data, 'I', 'I', 42, 0) || startsWith(data, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int... signature) {
        if (data.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
