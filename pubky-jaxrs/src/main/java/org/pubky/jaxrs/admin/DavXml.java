package org.pubky.jaxrs.admin;

/** Builds a WebDAV {@code multistatus} document (RFC 4918 §13) with the few properties we serve. */
final class DavXml {
    private final StringBuilder out = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\">");

    void collection(String href) {
        out.append("<D:response><D:href>").append(escape(href)).append("</D:href><D:propstat><D:prop>")
                .append("<D:resourcetype><D:collection/></D:resourcetype>")
                .append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
    }

    void file(String href, long length, String contentType, String lastModified, String etag) {
        out.append("<D:response><D:href>").append(escape(href)).append("</D:href><D:propstat><D:prop>")
                .append("<D:resourcetype/><D:getcontentlength>").append(length).append("</D:getcontentlength>")
                .append("<D:getcontenttype>").append(escape(contentType)).append("</D:getcontenttype>")
                .append("<D:getlastmodified>").append(escape(lastModified)).append("</D:getlastmodified>")
                .append("<D:getetag>").append(escape(etag)).append("</D:getetag>")
                .append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
    }

    String finish() {
        return out.append("</D:multistatus>\n").toString();
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
