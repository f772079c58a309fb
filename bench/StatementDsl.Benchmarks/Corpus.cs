using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StatementDsl.Benchmarks;

/// <summary>
/// A deterministic corpus of realistic shape: roster files of people and organizations, and meeting
/// files whose speeches (Arabic and English passages, quotes inside quotes) refer to them across
/// files. The same records are written as .stmt files and as one JSON document.
/// </summary>
internal sealed class Corpus
{
    private static readonly string[] ArabicWords =
    [
        "قال", "إن", "الحكومة", "السورية", "سوف", "تستعيد", "مدينة", "حلب", "بالكامل", "مجلس", "الأمن", "الدولي", "المبعوث",
        "الخاص", "وقف", "الأعمال", "العدائية", "المدنيين", "المساعدات", "الإنسانية", "هدنة", "الاجتماع", "الطارئ", "السفير",
        "الولايات", "المتحدة", "بريطانيا", "فرنسا", "روسيا", "المعارضة", "المفاوضات", "الحصار", "الأطفال", "الدبلوماسية",
    ];

    private static readonly string[] EnglishWords =
    [
        "the", "council", "must", "act", "now", "to", "stop", "violence", "in", "Aleppo", "and", "protect", "civilians",
        "humanitarian", "access", "ceasefire", "delegation", "resolution", "envoy", "said", "that", "we", "will", "not",
        "abandon", "the", "Syrian", "people", "negotiations", "siege", "medical", "evacuation", "unconditional",
    ];

    private Corpus(Dictionary<string, string> files, string json)
    {
        Files = files;
        Json = json;
    }

    /// <summary>.stmt files by relative path, in ordinal order.</summary>
    public Dictionary<string, string> Files { get; }

    public string Json { get; }

    public long StatementBytes => Files.Values.Sum(f => (long)Encoding.UTF8.GetByteCount(f));

    public long JsonBytes => Encoding.UTF8.GetByteCount(Json);

    /// <summary>
    /// About <paramref name="targetBytes"/> of .stmt in <paramref name="fileCount"/> files (at least 2),
    /// each meeting file holding <paramref name="meetingsPerFile"/> meetings and as many statements.
    /// </summary>
    public static Corpus Create(int fileCount, long targetBytes, int meetingsPerFile = 1, int seed = 2016)
    {
        var random = new Random(seed);
        var rosterFiles = Math.Max(1, fileCount / (50 * meetingsPerFile));
        var meetingFiles = Math.Max(1, fileCount - rosterFiles);
        const int peoplePerRoster = 100;
        const int orgsPerRoster = 10;
        const int speechesPerMeeting = 25;
        const int passagesPerSpeech = 2;
        var passageCount = (long)meetingFiles * meetingsPerFile * speechesPerMeeting * passagesPerSpeech;
        // About 16.5 bytes of .stmt per passage word, markup included (measured on this generator).
        var wordsPerPassage = (int)Math.Clamp((long)(targetBytes / Math.Max(1, passageCount) / 16.5), 3, 400);

        var people = new List<PersonJson>();
        var organizations = new List<OrganizationJson>();
        var meetings = new List<MeetingJson>();
        var statements = new List<StatementJson>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < rosterFiles; r++)
        {
            var text = new StringBuilder("// Roster ").Append(r).Append('\n');
            for (var o = 0; o < orgsPerRoster; o++)
            {
                var org = new OrganizationJson($"org_{r}_{o}", "دولة " + Words(random, ArabicWords, 2), "state", "S" + (char)('A' + (o % 26)));
                organizations.Add(org);
                text.Append("org ").Append(org.Id).Append(" { name: \"").Append(org.Name).Append("\"  kind: state  country: ").Append(org.Country).Append(" }\n");
            }

            for (var p = 0; p < peoplePerRoster; p++)
            {
                var person = new PersonJson($"person_{r}_{p}", Words(random, ArabicWords, 2), "Delegate " + p, "المندوب", $"org_{r}_{p % orgsPerRoster}");
                people.Add(person);
                text.Append("person ").Append(person.Id).Append(" {\n  name: \"").Append(person.Name).Append("\"\n  name@en: \"").Append(person.NameEn)
                    .Append("\"\n  role: \"").Append(person.Role).Append("\"\n  for: ").Append(person.For).Append("\n}\n");
            }

            files[$"roster/roster_{r:000}.stmt"] = text.ToString();
        }

        var day = new DateTime(2016, 1, 1);
        for (var f = 0; f < meetingFiles; f++)
        {
            var text = new StringBuilder();
            for (var m = f * meetingsPerFile; m < (f + 1) * meetingsPerFile; m++)
            {
                var date = day.AddDays(m % 3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var speeches = new List<SpeechJson>();
                text.Append(m == f * meetingsPerFile ? string.Empty : "\n").Append("meeting meeting_").Append(m).Append(" {\n  title: \"جلسة ").Append(m).Append("\"\n  date: ").Append(date)
                    .Append("\n  body: org_0_0\n  kind: regular\n  convened_by: [org_0_1, org_0_2]\n");
                for (var s = 0; s < speechesPerMeeting; s++)
                {
                    var speaker = people[random.Next(people.Count)];
                    var passages = new List<PassageJson>();
                    text.Append("\n  speech speech_").Append(m).Append('_').Append(s).Append(" {\n    by: ").Append(speaker.Id).Append("\n    as: \"").Append(speaker.Role).Append("\"\n");
                    for (var p = 0; p < passagesPerSpeech; p++)
                    {
                        var arabic = random.Next(3) != 0;
                        var words = Words(random, arabic ? ArabicWords : EnglishWords, wordsPerPassage);
                        var quoted = arabic && p == 1 ? words + " \"" + Words(random, ArabicWords, 3) + "\"" : words;
                        var passage = new PassageJson(p == 0 ? "quote" : "paraphrase", quoted, arabic ? "ar" : "en");
                        passages.Add(passage);
                        text.Append("    ").Append(passage.Kind).Append(arabic ? string.Empty : "@en").Append(": ");
                        if (quoted.Contains('"', StringComparison.Ordinal))
                        {
                            text.Append("\"\"\"\n      ").Append(quoted).Append("\n      \"\"\"\n");
                        }
                        else
                        {
                            text.Append('"').Append(quoted).Append("\"\n");
                        }
                    }

                    text.Append("  }\n");
                    speeches.Add(new SpeechJson($"speech_{m}_{s}", speaker.Id, speaker.Role, passages));
                }

                text.Append("}\n");
                meetings.Add(new MeetingJson($"meeting_{m}", date, "جلسة " + m.ToString(CultureInfo.InvariantCulture), "org_0_0", "regular", ["org_0_1", "org_0_2"], speeches));
                var statement = new StatementJson($"statement_{m}", people[random.Next(people.Count)].Id, date, "press",
                    [new PassageJson("quote", Words(random, ArabicWords, wordsPerPassage), "ar")]);
                statements.Add(statement);
                text.Append("\nstatement ").Append(statement.Id).Append(" { by: ").Append(statement.By).Append("  date: ").Append(date)
                    .Append("  via: press  quote: \"").Append(statement.Passages[0].Text).Append("\" }\n");
            }

            files[$"meetings/meeting_{f:0000}.stmt"] = text.ToString();
        }

        // Arabic stays UTF-8, as in a real data file; the default encoder would write every letter as \uXXXX.
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = CorpusJsonContext.Default };
        var json = JsonSerializer.Serialize(new CorpusJson(people, organizations, meetings, statements), options);
        return new Corpus(new Dictionary<string, string>(files, StringComparer.Ordinal), json);
    }

    public void WriteTo(string folder)
    {
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }
    }

    private static string Words(Random random, string[] words, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(words[random.Next(words.Length)]);
        }

        return builder.ToString();
    }
}
