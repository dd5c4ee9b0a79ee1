package org.knowledgehub.questions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowledgehub.search.TextLanguage;

/**
 * What {@link AnswerCues} and {@link QuestionUnderstanding} read in English, in Arabic and French:
 * how a question asks (لماذا, pourquoi, كم, combien, quelle part...) and what a sentence offers (a
 * reason: بسبب, لأن, faute de, car; a figure: أربعين, quarante, ثلث, un tiers; a date: آذار, mars;
 * items: "A، B و C", "A, B et C"). Words are bounded by letters, not by {@code \b}, which does not see
 * Arabic or accented letters; Arabic words may carry the conjunction و or ف before them.
 * Used only on text that is not English, so that English is read exactly as before.
 */
final class ArabicFrenchCues {

    /** Not a letter before: the start of a word, or of a word after the conjunction و or ف (Arabic). */
    private static final String AR = "(?<!\\p{L})[وف]?";
    private static final String FR = "(?<!\\p{L})";
    private static final String END = "(?!\\p{L})";

    private static final Pattern WHY = Pattern.compile("(?i)^\\s*" + AR + "(?:لماذا|ما (?:هي |هو )?(?:أسباب|سبب|الأسباب|السبب)|ما الذي "
            + "(?:أدى|دفع|يفسر|تسبب))" + END + "|" + FR + "(?:pourquoi|pour quelles? raisons?|qu'est-ce qui (?:explique|a causé|cause)|"
            + "quelles? (?:sont|est|étaient|était) (?:les |la )?(?:raisons?|causes?))" + END);
    private static final Pattern WHEN = Pattern.compile("(?i)^\\s*" + AR + "(?:متى|في أي (?:شهر|سنة|عام|تاريخ|يوم)|منذ متى)" + END
            + "|^\\s*(?:quand|depuis quand|à quelle date|en quel(?:le)? (?:année|mois)|quel(?:le)? (?:jour|mois|année|date))" + END);
    private static final Pattern WHERE = Pattern.compile("(?i)^\\s*" + AR + "(?:أين|في أي (?:منطقة|مناطق|قضاء|بلدة|بلدات|محافظة|مخيم|مخيمات|قرية|قرى|مدينة))"
            + END + "|^\\s*(?:où|dans quel(?:le)?s? (?:régions?|cazas?|districts?|villes?|villages?|zones?|localités?|campements?))" + END);
    private static final Pattern WHO = Pattern.compile("(?i)^\\s*" + AR + "(?:من (?:هو|هي|هم|الذي|التي|الذين)|أي (?:منظمة|منظمات|جهة|جهات|وكالة|وكالات))"
            + END + "|^\\s*(?:qui|quelles? (?:organisations?|agences?|ong|partenaires?))" + END);
    private static final Pattern LIST = Pattern.compile("(?i)^\\s*" + AR + "(?:ما|ماذا) (?:هي|هم) (?:أهم |أبرز |أكثر )?(?:ال)?"
            + "(?:\\p{L}+ات|أدوية|مشاكل|مخاطر|حاجات|عوائق|خطوات|أنواع|مصادر)" + END
            + "|^\\s*(?:quels|quelles) (?:sont|étaient) (?:les|leurs) ");
    private static final Pattern TREND = Pattern.compile("(?i)" + AR + "(?:كيف (?:تطورت?|تغيرت?|تبدلت?)|تطور|اتجاهات?|على مر "
            + "(?:السنوات|الأعوام|السنين)|عبر السنوات|من سنة (?:إلى|الى) (?:أخرى|اخرى))" + END + "|" + FR + "comment .*(?<!\\p{L})(?:évolu|chang|vari)\\p{L}*"
            + "|" + FR + "(?:évolution|tendances?|au fil des (?:ans|années)|d'une année (?:sur|à) l'autre)" + END + "|(?:depuis|entre|de|منذ|بين|من) (?:(?:l'année|l'an|عام|العام|سنة) )?(?:19|20)\\d\\d.*" + AR + "(?:augment|hausse|baiss|"
            + "diminu|recul|progress|aggrav|amélior|ارتفع|انخفض|زاد|ازداد|تراجع|تحسن|تدهور|تضاعف)"
            + "|" + AR + "(?:augment|hausse|baiss|diminu|recul|progress|aggrav|amélior|ارتفع|انخفض|زاد|ازداد|تراجع|تحسن|تدهور|تضاعف)"
            + "\\p{L}* .*(?:depuis|entre|منذ|بين) (?:(?:l'année|l'an|عام|العام|سنة) )?(?:19|20)\\d\\d");
    private static final Pattern COMPARISON = Pattern.compile("(?i)" + AR + "(?:مقارنة|قارن|الفرق بين|الفروق بين|الفجوة بين|أعلى من|أدنى من|"
            + "أقل من|أكثر من|أسوأ من|أفضل من)" + END + "|" + AR + "(?:أي|أيّ) .*(?:الأعلى|الأدنى|الأكثر|الأقل|الأسوأ|الأفضل)" + END
            + "|" + FR + "(?:compar\\p{L}*|par rapport (?:à|au|aux)|différences? entre|écarts? entre|versus|plus (?:élevée?s?|faibles?|"
            + "nombreu(?:x|ses)|pauvres?|vulnérables?) (?:que|qu')|(?:plus|moins) (?:de |d')\\p{L}+ (?:que|qu'))" + END
            + "|^\\s*(?:quel(?:le)?s?|lequel|laquelle) .*(?:le|la|les) (?:plus|moins)" + END);
    /** Words that make a question one about a meeting, as "meeting" and "minutes" do in English. */
    private static final Pattern MEETING = Pattern.compile("(?i)" + AR + "(?:ال)?(?:اجتماعا?ت?|محضر|محاضر|فريق العمل)" + END + "|" + FR
            + "(?:réunions?|procès-verbal|procès-verbaux|comptes?[- ]rendus?|groupe de travail)" + END);
    private static final Pattern FIELD_NOTE = Pattern.compile("(?i)" + AR + "(?:ال)?(?:زيارات?|ملاحظات|مذكرة|تقرير|بعثة) (?:ال)?ميداني(?:ة)?" + END
            + "|" + FR + "(?:notes?|visites?|missions?|rapports?) de terrain" + END);
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)" + AR + "(?:كم|ما (?:هي |هو )?(?:نسبة|عدد|حجم|قيمة|كلفة|تكلفة|سعر|"
            + "متوسط|معدل|مقدار|مبلغ))" + END + "|" + FR + "(?:combien|quel(?:le)?s? (?:est |sont |était )?(?:la |le |l')?(?:part|"
            + "pourcentage|proportion|nombre|taux|montant|coût|prix|moyenne|niveau|valeur|total|somme))" + END);

    private static final Pattern REASONS = Pattern.compile("(?i)" + AR + "(?:بسبب|لأن|لان|لانه|نتيجة|جراء|بفعل|بحكم|نظرا|نظراً|"
            + "ل?عدم|خوفا|خوفاً|(?:ال)?سبب|أسباب|الأسباب|يعود (?:إلى|الى)|ناتج عن|ناجم عن|مما أدى)|" + FR + "(?:parce qu|à cause d|"
            + "faute d|en raison d|du fait d|à la suite d|puisqu)|" + FR + "(?:car|dû à|due à|dus à|dues à|suite à|étant donné|"
            + "par peur|causes?|raisons?|s'explique|explique|expliqué)" + END);
    /** A number that is not a year, with a unit, a percent sign or a word after it. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])(?!(?:19[5-9]\\d|20\\d\\d)(?!\\d))\\d+(?:[.,]\\d+)?\\s*(?:%|٪|\\p{L})");
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)" + AR + "[بل]?(?:ال)?(?:عشرين|عشرون|ثلاثين|أربعين|خمسين|ستين|سبعين|ثمانين|"
            + "تسعين|مئة|مائة|مئات|ألف|آلاف|نصف|ثلث|ربع|ثلثي|ضعف|مضاعفة|اثنت?ي|اثنان|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|"
            + "ثماني|ثمانية|تسع|تسعة|عشر|عشرة|وجبتين|ساعتين|يومين|شهرين|مرتين|سنتين|أسبوعين)" + END + "|" + FR + "(?:deux|trois|quatre|cinq|six|"
            + "sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|mille|moitié|tiers|quart|"
            + "double|doublé|triplé|la plupart|majorité)" + END);
    private static final Pattern CHANGE = Pattern.compile("(?i)" + AR + "(?:ارتفع|ارتفعت|ارتفاع|انخفض|انخفضت|انخفاض|زاد|زادت|زيادة|ازداد|"
            + "ازدياد|تراجع|تراجعت|تضاعف|مقارنة|منذ)" + END + "|" + FR + "(?:augment\\p{L}*|hausse|baiss\\p{L}*|diminu\\p{L}*|recul\\p{L}*|"
            + "doubl\\p{L}*|comparé|par rapport|depuis)" + END);
    /** Month names, the longest first: "كانون الثاني" before "كانون". */
    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern MONTH = Pattern.compile("(?i)" + AR + "(" + MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|")) + ")" + END);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19[5-9]\\d|20\\d\\d)(?!\\d)");
    /** "13 juin 2019", "13 حزيران 2019": a day of a month named in French or Arabic, and its year. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)(?<!\\d)(\\d{1,2})(?:er)?\\s+(?:من\\s+)?"
            + MONTH.pattern().substring("(?i)".length())
            + "\\s+(?:(?:عام|سنة)\\s+)?((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,،;؛]");
    /** The last item of a series: after "و" (written on its word), "أو", "et" or "ou". */
    private static final Pattern LAST_ITEM = Pattern.compile("(?i)(?<!\\p{L})(?:و\\p{L}|أو" + END + "|et" + END + "|ou" + END + ")");

    private static final Map<Understanding.Kind, Pattern> CUES = Map.of(Understanding.Kind.WHY, WHY, Understanding.Kind.WHEN, WHEN,
            Understanding.Kind.WHERE, WHERE, Understanding.Kind.WHO, WHO, Understanding.Kind.TREND, TREND, Understanding.Kind.LIST, LIST,
            Understanding.Kind.COMPARISON, COMPARISON);

    private ArabicFrenchCues() {
    }

    /** Whether a text is not English: its cues are then read by this class. */
    static boolean applies(String text) {
        return !TextLanguage.ofShortText(text).equals("en");
    }

    /** Arabic-Indic and Persian digits as ASCII ones: "٢٠٢٣" is 2023 to every pattern. */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return out == null ? text : out.toString();
    }

    /** The kind of answer a question not in English asks for, or null when its words do not say. */
    static Understanding.Kind kind(String question) {
        return QuestionUnderstanding.firstCued(question, CUES);
    }

    static boolean aboutMeetings(String question) {
        return MEETING.matcher(question).find();
    }

    static boolean aboutFieldNotes(String question) {
        return FIELD_NOTE.matcher(question).find();
    }

    /** The day a question names in French or Arabic words ("le 13 juin 2019"), as yyyy-mm-dd. */
    static Optional<LocalDate> day(String question) {
        Matcher m = DAY_MONTH_YEAR.matcher(asciiDigits(question));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)),
                    Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean asksForAmount(String question) {
        return HOW_MUCH.matcher(question).find();
    }

    static boolean givesReasons(String sentence) {
        return REASONS.matcher(sentence).find();
    }

    static boolean givesFigure(String sentence) {
        String s = asciiDigits(sentence);
        return NUMBER.matcher(s).find() || NUMBER_WORD.matcher(s).find();
    }

    static boolean givesChange(String sentence) {
        return CHANGE.matcher(sentence).find();
    }

    static boolean givesDate(String sentence) {
        return MONTH.matcher(sentence).find() || YEAR.matcher(asciiDigits(sentence)).find();
    }

    /** The months a text names, as numbers 1 to 12. */
    static Set<Integer> months(String text) {
        Set<Integer> out = new HashSet<>();
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            out.add(MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** A series "A، B و C" or "A, B et C" whose inner items are a few words each. */
    static boolean items(String sentence) {
        return AnswerCues.series(ITEM_SEPARATOR.split(sentence), LAST_ITEM);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> out = new LinkedHashMap<>();
        String[][] names = {
                {"كانون الثاني", "يناير", "janvier"}, {"شباط", "فبراير", "février", "fevrier"}, {"آذار", "اذار", "مارس", "mars"},
                {"نيسان", "أبريل", "ابريل", "avril"}, {"أيار", "ايار", "مايو", "mai"}, {"حزيران", "يونيو", "juin"},
                {"تموز", "يوليو", "juillet"}, {"آب", "أغسطس", "اغسطس", "août", "aout"}, {"أيلول", "ايلول", "سبتمبر", "septembre"},
                {"تشرين الأول", "تشرين الاول", "أكتوبر", "اكتوبر", "octobre"}, {"تشرين الثاني", "نوفمبر", "novembre"},
                {"كانون الأول", "كانون الاول", "ديسمبر", "décembre", "decembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                out.put(name, i + 1);
            }
        }
        return out;
    }
}
