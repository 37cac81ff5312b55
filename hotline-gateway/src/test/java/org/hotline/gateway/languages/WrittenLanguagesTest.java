package org.hotline.gateway.languages;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.gateway.testing.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** First messages as people write them, in the shipped hotline's languages, and the guess each gets. */
class WrittenLanguagesTest {

    static final WrittenLanguages LANGUAGES = new WrittenLanguages(Shipped.directory().languageCodes());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bulgarian                  | Здравейте, нуждая се от помощ                                   | bg
            Bulgarian, longer          | Работодателят ми взе паспорта и не ми плаща заплатата          | bg
            English                    | Hello, I need help please                                       | en
            English, a question        | My employer took my passport, what can I do?                   | en
            Russian                    | Здравствуйте, мне нужна помощь                                  | ru
            Russian, longer            | Мой работодатель забрал мой паспорт и не платит мне            | ru
            Ukrainian                  | Доброго дня, мені потрібна допомога                             | uk
            Arabic                     | مرحبا، أحتاج إلى المساعدة من فضلكم                                | ar
            Turkish                    | Merhaba, yardıma ihtiyacım var lütfen                           | tr
            French                     | Bonjour, j'ai besoin d'aide s'il vous plaît                     | fr
            Urdu                       | مجھے آپ کی مدد کی ضرورت ہے، براہ کرم                               | ur
            Persian: Dari or Farsi?    | سلام، من به کمک شما نیاز دارم                                    |
            Pashto: not detectable     | سلام، زه ستاسو مرستې ته اړتیا لرم                                 |
            Kurmanji: not detectable   | Silav, ez hewceyê alîkariyê me                                  |
            French with a ê: the menu  | Je suis prête à parler maintenant                               |
            too short: one word        | Здравейте                                                       |
            too short: a greeting      | Hi there                                                        |
            digits only                | 112 112 112 112                                                 |
            mixed scripts              | Hello здравствуйте help помощь                                  |
            """)
    void shouldGuessTheLanguageOnlyWhenTheTextSaysSoClearly(String what, String text, String expected) {
        assertThat(LANGUAGES.guess(text)).as(what).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void shouldNameOnlyTheLanguagesItCanTellApart() {
        assertThat(LANGUAGES.detectable()).containsExactly("ar", "bg", "en", "fr", "ru", "tr", "uk", "ur");
    }
}
