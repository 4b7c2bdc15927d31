package org.pubky.core.homeserver.storage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a file's {@code Content-Type} at write time, in the reference's order: magic bytes of
 * the first chunk (as the Rust {@code infer} crate recognises them), else the file extension (as
 * {@code mime_guess} maps it), else {@code application/octet-stream}. The client's own
 * {@code Content-Type} is never trusted.
 */
public final class ContentTypes {
    /** The fallback type. */
    public static final String OCTET_STREAM = "application/octet-stream";
    /** How many leading bytes sniffing looks at. */
    public static final int SNIFF_BYTES = 8192;

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("text", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("xml", "text/xml"), Map.entry("ics", "text/calendar"), Map.entry("vcf", "text/vcard"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("jsonld", "application/ld+json"),
            Map.entry("map", "application/json"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("yaml", "text/x-yaml"), Map.entry("yml", "text/x-yaml"), Map.entry("toml", "text/x-toml"),
            Map.entry("rs", "text/x-rust"), Map.entry("java", "text/x-java"), Map.entry("py", "text/x-python"),
            Map.entry("c", "text/x-c"), Map.entry("h", "text/x-c"), Map.entry("sh", "application/x-sh"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("avif", "image/avif"), Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"), Map.entry("opus", "audio/opus"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"), Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("ogv", "video/ogg"), Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("bz2", "application/x-bzip2"), Map.entry("xz", "application/x-xz"),
            Map.entry("7z", "application/x-7z-compressed"), Map.entry("rar", "application/vnd.rar"),
            Map.entry("zst", "application/zstd"), Map.entry("wasm", "application/wasm"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("epub", "application/epub+zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"), Map.entry("rtf", "application/rtf"),
            Map.entry("bin", OCTET_STREAM), Map.entry("exe", "application/x-msdownload"),
            Map.entry("sqlite", "application/vnd.sqlite3"), Map.entry("db", "application/vnd.sqlite3"));

    private ContentTypes() {
    }

    /** The type of a file whose path is {@code path} and whose content starts with {@code head}. */
    public static String detect(byte[] head, int length, String path) {
        return sniff(head, length).or(() -> byExtension(path)).orElse(OCTET_STREAM);
    }

    /** The type the extension of {@code path} suggests, if known. */
    public static Optional<String> byExtension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The type the leading bytes identify, if any. */
    public static Optional<String> sniff(byte[] b, int n) {
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, n, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(b, n, 'R', 'I', 'F', 'F') && n >= 12) {
            if (at(b, n, 8, 'W', 'E', 'B', 'P')) {
                return Optional.of("image/webp");
            }
            if (at(b, n, 8, 'W', 'A', 'V', 'E')) {
                return Optional.of("audio/x-wav");
            }
            if (at(b, n, 8, 'A', 'V', 'I', ' ')) {
                return Optional.of("video/x-msvideo");
            }
        }
        if (starts(b, n, 'B', 'M') && n >= 14) {
            return Optional.of("image/bmp");
        }
        if (starts(b, n, 0x00, 0x00, 0x01, 0x00)) {
            return Optional.of("image/x-icon");
        }
        if (starts(b, n, 'I', 'I', 0x2A, 0x00) || starts(b, n, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        if (n >= 12 && at(b, n, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            switch (brand) {
                case "avif", "avis": return Optional.of("image/avif");
                case "heic", "heix", "hevc", "hevx", "mif1", "msf1": return Optional.of("image/heif");
                case "M4A ", "M4B ": return Optional.of("audio/m4a");
                case "qt  ": return Optional.of("video/quicktime");
                default: return Optional.of("video/mp4");
            }
        }
        if (starts(b, n, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(containsAscii(b, n, "webm") ? "video/webm" : "video/x-matroska");
        }
        if (starts(b, n, 'I', 'D', '3') || (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0
                && (b[1] & 0x06) != 0)) {
            return Optional.of("audio/mpeg");
        }
        if (starts(b, n, 'O', 'g', 'g', 'S')) {
            return Optional.of("audio/ogg");
        }
        if (starts(b, n, 'f', 'L', 'a', 'C')) {
            return Optional.of("audio/x-flac");
        }
        if (starts(b, n, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (starts(b, n, '{', '\\', 'r', 't', 'f')) {
            return Optional.of("application/rtf");
        }
        if (starts(b, n, 'P', 'K', 0x03, 0x04) || starts(b, n, 'P', 'K', 0x05, 0x06)) {
            return Optional.of("application/zip");
        }
        if (starts(b, n, 0x1F, 0x8B, 0x08)) {
            return Optional.of("application/gzip");
        }
        if (starts(b, n, 'B', 'Z', 'h')) {
            return Optional.of("application/x-bzip2");
        }
        if (starts(b, n, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return Optional.of("application/x-xz");
        }
        if (starts(b, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Optional.of("application/x-7z-compressed");
        }
        if (starts(b, n, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return Optional.of("application/vnd.rar");
        }
        if (starts(b, n, 0x28, 0xB5, 0x2F, 0xFD)) {
            return Optional.of("application/zstd");
        }
        if (n >= 262 && at(b, n, 257, 'u', 's', 't', 'a', 'r')) {
            return Optional.of("application/x-tar");
        }
        if (starts(b, n, 0x00, 'a', 's', 'm')) {
            return Optional.of("application/wasm");
        }
        if (starts(b, n, 'w', 'O', 'F', 'F')) {
            return Optional.of("application/font-woff");
        }
        if (starts(b, n, 'w', 'O', 'F', '2')) {
            return Optional.of("application/font-woff");
        }
        if (starts(b, n, 0x00, 0x01, 0x00, 0x00, 0x00)) {
            return Optional.of("application/font-sfnt");
        }
        if (starts(b, n, 'O', 'T', 'T', 'O', 0x00)) {
            return Optional.of("application/font-sfnt");
        }
        if (starts(b, n, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0x00)) {
            return Optional.of("application/vnd.sqlite3");
        }
        if (starts(b, n, 0x7F, 'E', 'L', 'F')) {
            return Optional.of("application/x-executable");
        }
        if (starts(b, n, 'M', 'Z')) {
            return Optional.of("application/vnd.microsoft.portable-executable");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        return at(b, n, 0, magic);
    }

    private static boolean at(byte[] b, int n, int offset, int... magic) {
        if (n < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAscii(byte[] b, int n, String needle) {
        String text = new String(b, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1);
        return text.contains(needle);
    }
}
