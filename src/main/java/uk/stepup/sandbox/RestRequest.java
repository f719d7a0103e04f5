package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MultipartReader;
import okio.Buffer;

/** One REST request after routing: method, route key, path parameters, query, JSON body and uploaded files. */
final class RestRequest {
    final String method;
    final HttpUrl url;
    final Headers headers;
    final byte[] body;
    final String routeKey;
    final Map<String, String> params;
    private JsonNode json;
    private List<Drafts.Upload> uploads;

    RestRequest(String method, HttpUrl url, Headers headers, byte[] body, String routeKey, Map<String, String> params) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.routeKey = routeKey;
        this.params = params;
    }

    /** The same request once routed, sharing the body already parsed. */
    RestRequest routed(String routeKey, Map<String, String> params) {
        RestRequest r = new RestRequest(method, url, headers, body, routeKey, params);
        r.json = json;
        r.uploads = uploads;
        return r;
    }

    /** The media type of the body without parameters ({@code application/json}), or null when none was declared. */
    String mediaType() {
        String type = headers.get("Content-Type");
        if (type == null) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** For the OpenAPI check: the JSON body (or {@code payload_json}), or null when the request carried no body. */
    JsonNode specBody() {
        if (body.length == 0) {
            return null;
        }
        try {
            return json();
        } catch (UncheckedIOException e) {
            throw new MalformedBody(
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    /** A body that does not parse as JSON. */
    static final class MalformedBody extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedBody(String message) {
            super(message);
        }
    }

    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return url.queryParameter(name);
    }

    /** The JSON body, or {@code payload_json} of a multipart body. */
    JsonNode json() {
        parse();
        return json;
    }

    List<Drafts.Upload> uploads() {
        parse();
        return uploads;
    }

    private void parse() {
        if (json != null) {
            return;
        }
        String type = headers.get("Content-Type");
        uploads = new ArrayList<>();
        if (type != null && type.startsWith("multipart/form-data")) {
            String boundary = type.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
            try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
                MultipartReader.Part part;
                JsonNode payload = null;
                while ((part = reader.nextPart()) != null) {
                    String disposition = part.headers().get("Content-Disposition");
                    String name = attribute(disposition, "name");
                    byte[] bytes = part.body().readByteArray();
                    if ("payload_json".equals(name)) {
                        payload = Json.parse(bytes);
                    } else if (name != null && name.startsWith("files[")) {
                        int index = Integer.parseInt(name.substring(6, name.indexOf(']')));
                        String filename = attribute(disposition, "filename");
                        uploads.add(new Drafts.Upload(
                                index,
                                filename == null ? "file" + index : filename,
                                part.headers().get("Content-Type"),
                                bytes));
                    } else if (name != null && name.startsWith("file")) {
                        String filename = attribute(disposition, "filename");
                        uploads.add(new Drafts.Upload(
                                uploads.size(),
                                filename == null ? name : filename,
                                part.headers().get("Content-Type"),
                                bytes));
                    }
                }
                json = payload == null ? Json.object() : payload;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            json = body.length == 0 ? Json.object() : Json.parse(body);
        }
    }

    private static String attribute(String disposition, String key) {
        if (disposition == null) {
            return null;
        }
        for (String part : disposition.split(";")) {
            String p = part.trim();
            if (p.startsWith(key + "=")) {
                String v = p.substring(key.length() + 1);
                return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }
}
