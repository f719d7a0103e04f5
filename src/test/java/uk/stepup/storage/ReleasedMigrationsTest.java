package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has run on someone's database must never change: Flyway would refuse to start on that database
 * (its checksum no longer matches), or worse, a rewritten migration would leave old and new databases different.
 * Every released migration is pinned here by its SHA-256. A new migration is a new file, added to this list when it
 * is released; changing a pinned file fails this test.
 */
class ReleasedMigrationsTest {
    static final Path FOLDER = Path.of("src/main/resources/db/migration");

    /** Released migrations and their contents' SHA-256 (there never was a V2). */
    static final Map<String, String> RELEASED = Map.of(
            "V1__programme.sql", "b16673913dd939f1cced9d4d5622fadd2805f9d174c3892f34b491fc12b1a22a",
            "V3__measures.sql", "ba237f0ab11b788f8c3539bd4300c7dc162643c754f5b3175b2feec23e63b7f4",
            "V4__indexes_for_large_cohorts.sql", "1472c340a0221161aad3d4cb269c9107ed9077add96d12f2a960051a1eebfe86",
            "V5__held_answers.sql", "ebb1573e5765de55a3681ba6ee647304527981f55d92f7321e11da8ca9a13867",
            "V6__setup_jobs.sql", "fe8817b1db020e2c8d91c058da479c40046bc07ae55a6a2e19ecfa95d47bf80a",
            "V7__improvement.sql", "602d6162ad499f4841e92e2c75ac6a616b6e91acd42f39568f91cbd46e0ab7b5",
            "V8__checkin_framework.sql", "fedfe6e1a7aebf5b01a18c89001df8c0a4b1b73ee90305c27a7d71e57ca068a5",
            "V9__actions.sql", "a871d8dce469841900b562c77363a4f5b644e2914d5836295fb7526773ab8dfa");

    @Test
    void released_migrations_are_never_edited() throws IOException {
        Map<String, String> now = new TreeMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .toList()) {
                now.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
            }
        }
        for (Map.Entry<String, String> released : RELEASED.entrySet()) {
            assertThat(now)
                    .as(released.getKey() + " was released: it may not be removed or renamed")
                    .containsKey(released.getKey());
            assertThat(now.get(released.getKey()))
                    .as(released.getKey() + " was released and has run on databases: "
                            + "add a new migration instead of editing it")
                    .isEqualTo(released.getValue());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
