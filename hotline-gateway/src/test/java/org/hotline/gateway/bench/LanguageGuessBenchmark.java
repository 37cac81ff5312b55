package org.hotline.gateway.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.hotline.gateway.languages.WrittenLanguages;
import org.hotline.gateway.testing.Shipped;

/**
 * What guessing a chat's language costs: the heap the hotline's language models add once loaded
 * (measured after full GCs, before and after the first guess), the time of that first guess (the
 * models load), and the time per guess after warm-up, on first messages as people write them.
 * Run with {@code bench/run languages}.
 */
public final class LanguageGuessBenchmark {

    private static final List<String> MESSAGES = List.of(
            "Здравейте, нуждая се от помощ", "Hello, I need help please", "Здравствуйте, мне нужна помощь",
            "Доброго дня, мені потрібна допомога", "مرحبا، أحتاج إلى المساعدة من فضلكم", "Merhaba, yardıma ihtiyacım var lütfen",
            "Bonjour, j'ai besoin d'aide s'il vous plaît", "مجھے آپ کی مدد کی ضرورت ہے، براہ کرم", "سلام، من به کمک شما نیاز دارم",
            "My employer took my passport and does not pay me, what can I do?");

    private LanguageGuessBenchmark() {}

    public static void main(String[] args) {
        WrittenLanguages languages = new WrittenLanguages(Shipped.directory().languageCodes());
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        languages.guess(MESSAGES.getFirst());
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedHeapAfterGc();
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += languages.guess(MESSAGES.get(i % MESSAGES.size())).map(String::length).orElse(0);
        }
        int rounds = 50_000;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += languages.guess(MESSAGES.get(i % MESSAGES.size())).map(String::length).orElse(0);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / rounds;
        System.out.printf("languages: %s detectable of %d%n", languages.detectable(), Shipped.directory().languageCodes().size());
        System.out.printf("heap added by the models: %.1f MB (used after GC: %.1f MB before the first guess, %.1f MB after)%n",
                (after - before) / 1e6, before / 1e6, after / 1e6);
        System.out.printf("first guess (loads the models): %d ms; then %.1f µs per guess (mean of %d, %d-character messages on average) [%d]%n",
                firstMillis, micros, rounds, MESSAGES.stream().mapToInt(String::length).sum() / MESSAGES.size(), sink % 10);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
