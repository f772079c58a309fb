using System.Text;
using AleppoTimeline.Records;
using StatementDsl;

// A readable timeline of the emergency Security Council meeting of 25 September 2016,
// built from the typed records that the generator made of aleppo-2016-09-25.stmt and roster.stmt.
Console.OutputEncoding = new UTF8Encoding(false);

var meeting = Aleppo.EmergencySession;
var transcript = Aleppo.Transcript!;
Console.WriteLine($"{English(transcript.Title, transcript)}");
Console.WriteLine($"{Isolate(transcript.Title)}");
Console.WriteLine($"Source: {Isolate(transcript.Source)} ({transcript.Language})");
Console.WriteLine();
Console.WriteLine($"{meeting.Date} · {meeting.Kind} meeting of the {meeting.Body?.Names.FirstOrDefault(n => n.Language == "en")}");
Console.WriteLine($"Convened by: {string.Join(", ", meeting.ConvenedBy.Select(NameOf))}");
Console.WriteLine();

foreach (var speech in meeting.Speeches)
{
    Console.WriteLine($"■ {NameOf(speech.Speaker)}{(speech.Label is null ? string.Empty : $" — {Isolate(speech.Label)}")}");
    Console.WriteLine($"    post that day: {PostOf(speech)}");
    foreach (var walkout in meeting.Events.OfType<Walkout>().Where(w => w.During == speech))
    {
        Console.WriteLine($"    ⇠ walkout during this speech: {string.Join(", ", walkout.By.Select(NameOf))}");
    }

    foreach (var passage in speech.Passages)
    {
        Console.WriteLine($"    {Mark(passage.Kind)} {Isolate(passage.Text)}{FoundAt(passage)}");
    }

    Console.WriteLine();
}

foreach (var incident in meeting.Events.OfType<Incident>())
{
    Console.WriteLine($"● {incident.Type}: {Isolate(incident.Note)}");
    Console.WriteLine();
}

Console.WriteLine("After the meeting");
foreach (var statement in Aleppo.Statements.OrderBy(s => s.Date))
{
    Console.WriteLine($"■ {NameOf(statement.Speaker)} · {statement.Via} · {statement.Date}");
    Console.WriteLine($"    post that day: {PostOf(statement)}");
    foreach (var passage in statement.Passages)
    {
        Console.WriteLine($"    {Mark(passage.Kind)} {Isolate(passage.Text)}{FoundAt(passage)}");
    }

    Console.WriteLine();
}

var quotes = from utterance in meeting.Speeches.Cast<Utterance>().Concat(Aleppo.Statements)
             from passage in utterance.Passages
             where passage.Kind == PassageKind.Quote
             group passage by NameOf(utterance.Speaker) into bySpeaker
             orderby bySpeaker.Count() descending, bySpeaker.Key
             select $"{bySpeaker.Key}: {bySpeaker.Count()}";
Console.WriteLine($"Direct quotes by speaker: {string.Join("; ", quotes)}");

// The whole archive, every file at once: what an app that indexes or exports all records walks.
var archive = StatementCatalog.Of(typeof(Program).Assembly);
Console.WriteLine($"Archive: {archive.Meetings.Count} meeting(s), {archive.Statements.Count} statements, {archive.People.Count} people, {archive.Organizations.Count} organizations, {archive.Memberships.Count} memberships");

var problems = StatementValidator.Validate(new object[] { archive.Meetings, archive.Statements, archive.People, archive.Organizations, archive.Memberships });
Console.WriteLine($"Validation: {(problems.Count == 0 ? "no problems" : string.Join("; ", problems.Select(p => $"{p.Id} {p.Message}")))}");

static string NameOf(Actor? actor) =>
    actor is null ? "(speaker not recorded)" : $"{actor.Names.FirstOrDefault(n => n.Language == "en")?.Value ?? actor.Id} ({Isolate(actor.Name?.Value)})";

// The membership covering the utterance's date: the post its speaker held then, with its dates.
static string PostOf(Utterance utterance) => utterance.SpeakerMembership is { } post
    ? $"{post.Role} ({post.From?.ToString() ?? "…"} – {post.Until?.ToString() ?? "…"})"
    : utterance.Speaker is Person ? "(no membership recorded for that date)" : "(spoken for a state)";

static string English(string? arabic, Declaration declaration) =>
    declaration.LocalizedFields.FirstOrDefault(f => f.Text.Language == "en")?.Text.Value ?? arabic ?? string.Empty;

// Where a quote stands in the report the transcript names as its source_document (checked at build time).
static string FoundAt(Passage passage) => passage.SourceLocation is { } at ? $"  [{at.Path} {at.Line}:{at.Column}]" : string.Empty;

static string Mark(PassageKind kind) => kind switch
{
    PassageKind.Quote => "“",
    PassageKind.Paraphrase => "~",
    _ => "·",
};

// Right-to-left text inside a left-to-right line is wrapped in a first-strong isolate
// (U+2068 … U+2069), so terminals and logs that apply the bidi algorithm show it in order.
static string Isolate(string? text) => text is null ? string.Empty : "\u2068" + text + "\u2069";
