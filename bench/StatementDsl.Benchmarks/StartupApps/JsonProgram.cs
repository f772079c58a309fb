using System.Diagnostics;
using System.Text.Json;
using StatementDsl.Benchmarks;

// The JSON peer: read the corpus, deserialize it with the source-generated context and touch every
// record ("touch": its id); "read" also reads names, resolves each speaker by id as an app would,
// and reads every passage's text.
var clock = Stopwatch.StartNew();
var read = args.Length > 0 && args[0] == "read";
var corpus = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "corpus.json")), CorpusJsonContext.Default.CorpusJson)!;
var people = read ? corpus.People.ToDictionary(p => p.Id, StringComparer.Ordinal) : [];
long records = 0;
long characters = 0;
foreach (var person in corpus.People)
{
    records++;
    characters += person.Id.Length + (read ? person.Name.Length : 0);
}

foreach (var organization in corpus.Organizations)
{
    records++;
    characters += organization.Id.Length + (read ? organization.Name.Length : 0);
}

foreach (var meeting in corpus.Meetings)
{
    records++;
    characters += meeting.Id.Length + (read ? meeting.Date.Length : 0);
    foreach (var speech in meeting.Speeches)
    {
        records++;
        characters += speech.Id.Length + (read ? people[speech.By].Name.Length + speech.Passages.Sum(p => p.Text.Length) : 0);
    }
}

foreach (var statement in corpus.Statements)
{
    records++;
    characters += statement.Id.Length + (read ? people[statement.By].Name.Length + statement.Passages.Sum(p => p.Text.Length) : 0);
}

Console.WriteLine($"records={records} characters={characters} main_ms={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");
