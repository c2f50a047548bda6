package io.vigil.registry.download;

import java.net.URI;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Makes URLs safe to log or store: user-info ({@code user:pass@}) and fragments are dropped, and the values of
 * query parameters that look like credentials are replaced with {@code REDACTED}.
 *
 * <p>Example: {@code https://bob:s3cret@lists.example.org/sdn.csv?token=abc&format=csv} →
 * {@code https://lists.example.org/sdn.csv?token=REDACTED&format=csv}.
 */
public final class Urls {

    /** Replaces a hidden value. */
    public static final String REDACTED = "REDACTED";

    /** Parameter names holding secrets: token, key, apikey, secret, password, pass, pwd, auth, sig, credential… */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|key|secret|pass|pwd|auth|sig|credential|session|sid|code|bearer|jwt).*");
    /** A value that looks like a random token even under an innocent name. */
    private static final Pattern TOKEN_VALUE = Pattern.compile("[A-Za-z0-9+/=_.%-]{32,}");

    private Urls() {
    }

    /** The redacted form of {@code uri}; see the class comment. */
    public static String redact(URI uri) {
        if (uri == null) {
            return "null";
        }
        String scheme = uri.getScheme();
        StringBuilder out = new StringBuilder();
        if (scheme != null) {
            out.append(scheme.toLowerCase(Locale.ROOT)).append(':');
        }
        if (uri.isOpaque()) {
            String ssp = uri.getRawSchemeSpecificPart();
            int q = ssp.indexOf('?');
            out.append(q < 0 ? ssp : ssp.substring(0, q) + "?" + redactQuery(ssp.substring(q + 1)));
            return out.toString();
        }
        String authority = uri.getRawAuthority();
        if (authority != null) {
            out.append("//").append(authority.substring(authority.lastIndexOf('@') + 1));
        } else if (uri.getRawSchemeSpecificPart() != null && uri.getRawSchemeSpecificPart().startsWith("//")) {
            out.append("//");
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            out.append('?').append(redactQuery(uri.getRawQuery()));
        }
        return out.toString();
    }

    /** As {@link #redact(URI)}; a string that is not a valid URI loses its user-info and its whole query. */
    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        try {
            return redact(new URI(url.trim()));
        } catch (java.net.URISyntaxException e) {
            String s = url.replaceAll("//[^/?#]*@", "//");
            int q = s.indexOf('?');
            if (q >= 0) {
                s = s.substring(0, q + 1) + REDACTED;
            }
            int h = s.indexOf('#');
            return h >= 0 ? s.substring(0, h) : s;
        }
    }

    private static String redactQuery(String rawQuery) {
        StringJoiner joined = new StringJoiner("&");
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                joined.add(TOKEN_VALUE.matcher(pair).matches() ? REDACTED : pair);
                continue;
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            boolean secret = SECRET_NAME.matcher(name).matches() || TOKEN_VALUE.matcher(value).matches();
            joined.add(name + "=" + (secret && !value.isEmpty() ? REDACTED : value));
        }
        return joined.toString();
    }
}
