package io.cryptotracker.gateway.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's {@code index.html} as the gateway answers it, with the Content-Security-Policy that lets exactly its
 * import map run. Built from the jar's files, the page names the hashed URLs: its {@code /assets/…} links point at
 * them, and its import map gets one entry per module ({@code "/assets/app/lib/api.js":
 * "/assets/app/lib/api.<hash>.js"}), so a module's relative import ({@code ./lib/api.js}) resolves to the plain
 * URL, which the import map turns into the hashed one.
 *
 * @param html the page
 * @param contentSecurityPolicy its policy: scripts from the gateway only, plus the import map by its hash
 * @param etag a strong entity tag of the page
 * @param unknownAssets {@code /assets/…} paths the page links to that are not console files (left as they are)
 */
public record ConsolePage(String html, String contentSecurityPolicy, String etag, List<String> unknownAssets) {

    static final String ASSETS = "/assets/";

    private static final Pattern ASSET_LINK = Pattern.compile("(\\b(?:href|src)\\s*=\\s*\")/assets/([^\"?#]+)(\")");
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "(<script\\s+type\\s*=\\s*\"importmap\"\\s*>)(.*?)(</script>)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The page with every link and module at its hashed URL. */
    public static ConsolePage hashed(String index, ConsoleFiles files) {
        List<String> unknown = new ArrayList<>();
        Matcher links = ASSET_LINK.matcher(index);
        String html = links.replaceAll(link -> {
            String hashed = files.hashedPathOf(link.group(2));
            if (hashed == null) {
                unknown.add(ASSETS + link.group(2));
                return Matcher.quoteReplacement(link.group());
            }
            return Matcher.quoteReplacement(link.group(1) + ASSETS + hashed + link.group(3));
        });
        Matcher importMap = IMPORT_MAP.matcher(html);
        if (importMap.find()) {
            String text = "\n" + withModules(importMap.group(2), files) + "\n  ";
            html = html.substring(0, importMap.start(2)) + text + html.substring(importMap.end(2));
        }
        return of(html, List.copyOf(unknown));
    }

    /** The page as it is (a developer's directory): nothing hashed, the policy still names the import map. */
    public static ConsolePage asIs(String index) {
        return of(index, List.of());
    }

    private static ConsolePage of(String html, List<String> unknownAssets) {
        Matcher importMap = IMPORT_MAP.matcher(html);
        String scripts = importMap.find() ? "'self' '" + scriptHash(importMap.group(2)) + "'" : "'self'";
        String policy = "default-src 'self'; script-src " + scripts + "; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
        String etag = "\"" + ConsoleFiles.hash(html.getBytes(StandardCharsets.UTF_8)) + "\"";
        return new ConsolePage(html, policy, etag, unknownAssets);
    }

    /** The CSP source for an inline script: {@code sha256-} and the base64 SHA-256 of its exact UTF-8 text. */
    static String scriptHash(String scriptText) {
        return "sha256-" + Base64.getEncoder()
                .encodeToString(ConsoleFiles.sha256(scriptText.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The import map with one entry per console module, plain URL to hashed URL, after the entries it had, whose
     * {@code /assets/…} targets become hashed too. Parsed and written with Jackson, so the result is valid JSON.
     */
    private static String withModules(String importMapText, ConsoleFiles files) {
        ObjectNode importMap = (ObjectNode) JSON.readTree(importMapText);
        JsonNode existing = importMap.get("imports");
        ObjectNode imports = existing instanceof ObjectNode object ? object : importMap.putObject("imports");
        for (Map.Entry<String, JsonNode> entry : List.copyOf(imports.properties())) {
            String target = entry.getValue().asString();
            if (target.startsWith(ASSETS) && files.hashedPathOf(target.substring(ASSETS.length())) != null) {
                imports.put(entry.getKey(), ASSETS + files.hashedPathOf(target.substring(ASSETS.length())));
            }
        }
        files.hashByPath().keySet().stream()
                .filter(path -> path.endsWith(".js") || path.endsWith(".mjs"))
                .forEach(module -> imports.put(ASSETS + module, ASSETS + files.hashedPathOf(module)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(importMap);
    }
}
