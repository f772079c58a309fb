using System.Diagnostics;
using System.Text.Json;
using StatementDsl.Benchmarks;

// The JSON peer: read the corpus, deserialize it with the source-generated context, resolve each
// speaker by id as an app would, and touch every record.
var clock = Stopwatch.StartNew();
var corpus = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "corpus.json")), CorpusJsonContext.Default.CorpusJson)!;
var people = corpus.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
long records = 0;
long characters = 0;
foreach (var person in corpus.People)
{
    records++;
    characters += person.Id.Length + person.Name.Length;
}

foreach (var organization in corpus.Organizations)
{
    records++;
    characters += organization.Id.Length + organization.Name.Length;
}

foreach (var meeting in corpus.Meetings)
{
    records++;
    characters += meeting.Id.Length + meeting.Date.Length;
    foreach (var speech in meeting.Speeches)
    {
        records++;
        characters += speech.Id.Length + people[speech.By].Name.Length + speech.Passages.Sum(p => p.Text.Length);
    }
}

foreach (var statement in corpus.Statements)
{
    records++;
    characters += statement.Id.Length + people[statement.By].Name.Length + statement.Passages.Sum(p => p.Text.Length);
}

Console.WriteLine($"records={records} characters={characters} main_ms={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");
