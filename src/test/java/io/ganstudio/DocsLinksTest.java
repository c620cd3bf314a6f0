package io.ganstudio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md and docs/*.md: every relative link and image resolves (the file exists, and a #anchor names a heading of
 * the target), every picture under docs/ is shown somewhere, and every class the text names exists.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** [text](target) and ![alt](target "title"); the text may hold one level of brackets (an image in a link). */
    private static final Pattern LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_SRC = Pattern.compile("<(?:img|a)\\s[^>]*(?:src|href)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    /** A fully qualified name of one of the project's classes, as the docs write it in commands and prose. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\bio\\.ganstudio(?:\\.[a-z][a-z0-9]*)*\\.[A-Z][A-Za-z0-9]*");
    /** A class by its path below io/ganstudio, as in {@code core/train/StepPause}. */
    private static final Pattern CLASS_PATH =
            Pattern.compile("(?<![\\w/.])(?:core|ui|session|jobs|cli)(?:/[a-z][a-z0-9]*)*/[A-Z][A-Za-z0-9]*");
    private static final Set<String> PICTURES = Set.of("png", "gif", "jpg", "jpeg", "svg");

    @Test
    void everyLinkAndImageOfTheReadmeAndDocsResolves() throws IOException {
        List<Path> docs = documents(ROOT);
        assertTrue(docs.size() > 1, "README.md and docs/*.md not found under " + ROOT);
        List<String> problems = new ArrayList<>();
        for (Path doc : docs) {
            problems.addAll(brokenLinks(ROOT, doc));
        }
        assertEquals(List.of(), problems, "links or images that do not resolve");
    }

    @Test
    void everyPictureUnderDocsIsShownSomewhere() throws IOException {
        Set<Path> referenced = new TreeSet<>();
        for (Path doc : documents(ROOT)) {
            for (String target : linkTargets(prose(Files.readString(doc, StandardCharsets.UTF_8)))) {
                if (!isExternal(target)) {
                    referenced.add(doc.getParent().resolve(pathPart(target)).normalize());
                }
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(Files::isRegularFile)
                    .filter(p -> PICTURES.contains(extension(p)))
                    .filter(p -> !referenced.contains(p.normalize()))
                    .forEach(p -> unused.add(ROOT.relativize(p).toString()));
        }
        assertEquals(List.of(), unused, "pictures under docs/ that no README or docs page shows or links");
    }

    @Test
    void everyClassTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents(ROOT)) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = CLASS_NAME.matcher(text);
            while (m.find()) {
                seen.add(m.group().replace('.', '/'));
            }
            m = CLASS_PATH.matcher(text);
            while (m.find()) {
                seen.add("io/ganstudio/" + m.group());
            }
            for (String name : seen) {
                String file = name + ".java";
                if (!Files.exists(ROOT.resolve("src/main/java").resolve(file))
                        && !Files.exists(ROOT.resolve("src/test/java").resolve(file))) {
                    missing.add(ROOT.relativize(doc) + ": " + name);
                }
            }
        }
        assertEquals(List.of(), missing, "classes named in the docs that are not in src/main/java or src/test/java");
    }

    @Test
    void theDesignNotesPackageMapNamesEveryPackageOfTheSourceTree() throws IOException {
        Path base = ROOT.resolve("src/main/java/io/ganstudio");
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.equals(base))
                    .forEach(dir -> packages.add(base.relativize(dir).toString().replace('\\', '/')));
        }
        Set<String> mapped = packageMap(Files.readString(ROOT.resolve("docs/design.md"), StandardCharsets.UTF_8));
        Set<String> missing = new TreeSet<>(packages);
        missing.removeAll(mapped);
        Set<String> gone = new TreeSet<>(mapped);
        gone.removeAll(packages);
        assertEquals("", (missing.isEmpty() ? "" : "not in the map: " + missing + " ")
                + (gone.isEmpty() ? "" : "in the map but not in src/main/java: " + gone),
                "docs/design.md's package map against src/main/java/io/ganstudio");
    }

    @Test
    void theCheckerFindsAMissingFileAMissingAnchorAndIgnoresCode(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs/screenshots"));
        Files.write(dir.resolve("docs/screenshots/here.png"), new byte[] {1});
        Files.writeString(dir.resolve("docs/guide.md"), """
                # The guide

                ## Health warnings: what they mean

                ## Health warnings: what they mean
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), """
                # Title
                ![shown](docs/screenshots/here.png) ![gone](docs/screenshots/gone.png)
                [ok](docs/guide.md#health-warnings-what-they-mean)
                [second](docs/guide.md#health-warnings-what-they-mean-1)
                [bad anchor](docs/guide.md#no-such-heading) [here](#title) [not here](#nowhere)
                [web](https://example.org/missing) [mail](mailto:someone@example.org)
                `[in code](docs/nothing.md)`
                ```
                [in a block](docs/nothing-either.md)
                # not a heading
                ```
                [![a badge](docs/screenshots/here.png)](docs/missing-page.md)
                """, StandardCharsets.UTF_8);

        assertEquals(List.of(
                        "README.md: docs/screenshots/gone.png: no such file",
                        "README.md: docs/guide.md#no-such-heading: no heading with that anchor",
                        "README.md: #nowhere: no heading with that anchor",
                        "README.md: docs/missing-page.md: no such file"),
                brokenLinks(dir, dir.resolve("README.md")));
        assertEquals(List.of(), brokenLinks(dir, dir.resolve("docs/guide.md")));
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals(List.of("what-am-i-seeing", "the-latent-lab-explore", "inspect-検査", "quality-measures",
                        "quality-measures-1", "the-one-class-fashion-mnist-benchmark", "gan-studio-anomaly-fit"),
                List.copyOf(anchors("""
                        ## "What am I seeing?"
                        ### The latent lab (Explore)
                        ## Inspect (検査)
                        ## Quality measures
                        ## Quality measures
                        ## The one-class Fashion-MNIST benchmark
                        ### `gan-studio anomaly fit`
                        """)));
    }

    // ---- the checker ----

    private static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("README.md"))) {
            docs.add(root.resolve("README.md"));
        }
        Path dir = root.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    private static List<String> brokenLinks(Path root, Path doc) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        String name = root.relativize(doc).toString();
        for (String target : linkTargets(prose(Files.readString(doc, StandardCharsets.UTF_8)))) {
            if (isExternal(target)) {
                continue;
            }
            String path = pathPart(target);
            Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
            if (!file.startsWith(root) || !Files.exists(file)) {
                problems.add(name + ": " + target + ": no such file");
                continue;
            }
            int hash = target.indexOf('#');
            if (hash >= 0 && file.getFileName().toString().endsWith(".md")) {
                String anchor = target.substring(hash + 1);
                Set<String> known = anchorsByFile.computeIfAbsent(file, f -> {
                    try {
                        return anchors(Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (!known.contains(anchor)) {
                    problems.add(name + ": " + target + ": no heading with that anchor");
                }
            }
        }
        return problems;
    }

    /** The text without fenced code blocks and inline code spans, where brackets are code, not links. */
    private static String prose(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                out.append('\n');
                continue;
            }
            out.append(fenced ? "" : line.replaceAll("`[^`]*`", "")).append('\n');
        }
        return out.toString();
    }

    private static List<String> linkTargets(String prose) {
        List<String> targets = new ArrayList<>();
        for (Pattern p : List.of(LINK, HTML_SRC)) {
            Matcher m = p.matcher(prose);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        // An image inside a link: the inner image is matched on its own as well.
        Matcher inner = Pattern.compile("\\[!\\[[^\\]]*]\\(([^)\\s]+)\\)").matcher(prose);
        while (inner.find()) {
            targets.add(inner.group(1));
        }
        return targets;
    }

    /** GitHub's anchors of a file's headings: lower case, punctuation dropped, spaces to hyphens, -1, -2 on repeats. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> repeats = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String slug = m.group(2).replaceAll("`", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int n = repeats.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** The packages of the fenced block after the line {@code <!-- package map -->}: each entry starts a line. */
    static Set<String> packageMap(String designNotes) {
        String[] lines = designNotes.split("\n");
        int i = 0;
        while (i < lines.length && !lines[i].strip().equals("<!-- package map -->")) {
            i++;
        }
        assertTrue(i + 1 < lines.length && lines[i + 1].startsWith("```"),
                "docs/design.md: no package map after <!-- package map -->");
        Set<String> packages = new TreeSet<>();
        Pattern entry = Pattern.compile("^([a-z][a-z0-9]*(?:/[a-z][a-z0-9]*)*)/\\s.*");
        for (i += 2; i < lines.length && !lines[i].startsWith("```"); i++) {
            Matcher m = entry.matcher(lines[i]);
            if (m.matches()) {
                packages.add(m.group(1));
            }
        }
        return packages;
    }

    private static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static String pathPart(String target) {
        int hash = target.indexOf('#');
        String path = hash >= 0 ? target.substring(0, hash) : target;
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
