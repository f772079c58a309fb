using System.Globalization;
using System.Text;
using System.Xml;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StatementDsl.Cli.Interop;

/// <summary>One thing the model could not hold, named with its element and position (docs/interop.md).</summary>
internal sealed record ImportLoss(string File, int Line, int Column, string What)
{
    /// <summary><c>FILE(line,col): what</c>; a JSON input names the place by its path in <paramref name="What"/> instead.</summary>
    public override string ToString() => Line == 0 ? File + ": " + What : string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column}): {What}");
}

/// <summary>The file an element was loaded from, kept on the root of a file read into another (a TEI include).</summary>
internal sealed record ImportSource(string Name);

/// <summary>What an import wrote and lost.</summary>
internal sealed class ImportResult
{
    /// <summary>Reports a loss at an XML element: its line and column, in the file it was read from (an included one's own name).</summary>
    public void Lose(string fileName, XElement element, string what)
    {
        var line = (IXmlLineInfo)element;
        var file = element.AncestorsAndSelf().Select(e => e.Annotation<ImportSource>()).FirstOrDefault(a => a is not null)?.Name ?? fileName;
        Losses.Add(new ImportLoss(file, line.LineNumber, line.LinePosition, what));
    }

    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public List<ImportLoss> Losses { get; } = [];

    public int Meetings { get; set; }

    public int Speeches { get; set; }

    public int People { get; set; }

    public int Organizations { get; set; }

    public int Memberships { get; set; }
}

/// <summary>
/// <c>stmt import --from akn</c>: Akoma Ntoso debates as they are found in the field (docs/interop.md):
/// the 3.0 and 2.0 namespaces with or without a prefix, <c>eId</c> or the older <c>id</c>, <c>by</c> and
/// <c>as</c> with or without <c>#</c>, speakers that are roles or only text in <c>from</c>, nested
/// sections, questions and answers, votes as counts. XML is read with DTDs and external entities off.
/// </summary>
internal static class AkomaNtosoImporter
{
    /// <summary>Largest input file read; past it the file is refused, not read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly HashSet<string> SpeechElements = new(StringComparer.Ordinal) { "speech", "question", "answer", "pointOfOrder" };

    /// <summary>Section names that list the voters of one side of a division, and the side they map to.</summary>
    private static readonly Dictionary<string, string> VoterSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ayes"] = "for", ["yeas"] = "for", ["for"] = "for", ["contents"] = "for",
        ["noes"] = "against", ["nays"] = "against", ["against"] = "against", ["not-contents"] = "against",
        ["abstain"] = "abstain", ["abstentions"] = "abstain", ["abstaining"] = "abstain",
    };

    /// <summary>Speakers that stand for nobody in particular: a placeholder is a label, not a person.</summary>
    private static readonly Regex Placeholder = new("^(unknown|anonymous|unidentified|member|speaker)([-_ ].*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly HashSet<string> EventElements = new(StringComparer.Ordinal) { "scene", "narrative", "summary" };

    public static XmlReaderSettings ReaderSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersFromEntities = 0,
    };

    public static void Import(string path, ImportResult result, HashSet<string> ids, SortedDictionary<string, string> roster)
    {
        XDocument document;
        using (var reader = XmlReader.Create(path, ReaderSettings))
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }

        var name = Path.GetFileName(path);
        foreach (var debate in document.Descendants().Where(e => e.Name.LocalName == "debate"))
        {
            Debate(debate, name, result, ids, roster);
        }
    }

    private static void Debate(XElement debate, string fileName, ImportResult result, HashSet<string> ids, SortedDictionary<string, string> roster)
    {
        // References: people and organizations become declarations; roles give a label to speakers that are roles.
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in debate.Descendants().Where(e => e.Name.LocalName is "TLCPerson" or "TLCOrganization" or "TLCRole"))
        {
            var key = Key(reference);
            var showAs = StatementText.Collapse((string?)reference.Attribute("showAs") ?? key);
            if (key.Length == 0)
            {
                continue;
            }

            if (reference.Name.LocalName == "TLCRole")
            {
                roles[key] = showAs;
                continue;
            }

            if (reference.Name.LocalName == "TLCPerson" && (Placeholder.IsMatch(key) || Placeholder.IsMatch(showAs)))
            {
                // A generic placeholder ("Unknown member"): speeches by it keep their label and get no speaker.
                roles[key] = showAs;
                continue;
            }

            if (!people.ContainsKey(key))
            {
                var id = StatementText.Identifier(key, ids, "actor");
                people[key] = id;
                if (reference.Name.LocalName == "TLCPerson")
                {
                    roster["person " + id] = "person " + id + " { name: " + StatementText.String(showAs) + " }\n";
                    result.People++;
                }
                else
                {
                    roster["org " + id] = "org " + id + " { name: " + StatementText.String(showAs) + " }\n";
                    result.Organizations++;
                }
            }
        }

        var meetingId = StatementText.Identifier(WorkName(debate) ?? Path.GetFileNameWithoutExtension(fileName), ids, "debate");
        var title = debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "docTitle") is { } docTitle ? StatementText.Collapse(docTitle.Value) : null;
        var text = new StringBuilder();
        text.Append("// Imported from ").Append(fileName).Append(" (Akoma Ntoso) by stmt import.\n\n");
        text.Append("transcript ").Append(StatementText.Identifier(meetingId + "_record", ids, "record")).Append(" {\n");
        if (title is not null)
        {
            text.Append("  title: ").Append(StatementText.String(title)).Append('\n');
        }

        if (debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "FRBRlanguage")?.Attribute("language")?.Value is { Length: >= 2 } language
            && StatementText.IsLanguageTag(language))
        {
            text.Append("  language: ").Append(language).Append('\n');
        }

        text.Append("  source: ").Append(StatementText.String(fileName + " (Akoma Ntoso)")).Append("\n}\n\n");
        text.Append("meeting ").Append(meetingId).Append(" {\n");
        if (title is not null)
        {
            text.Append("  title: ").Append(StatementText.String(title)).Append('\n');
        }

        var date = MeetingDate(debate);
        if (date is not null)
        {
            text.Append("  date: ").Append(date).Append('\n');
        }

        var body = debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "debateBody");
        var ordinal = 0;
        foreach (var element in body?.Descendants() ?? [])
        {
            if (SpeechElements.Contains(element.Name.LocalName))
            {
                ordinal++;
                Speech(element, fileName, ordinal, people, roles, ids, text, result);
            }
            else if (element.Name.LocalName == "debateSection" && element.Elements().Any(e => e.Name.LocalName == "debateSection" && VoterSections.ContainsKey((string?)e.Attribute("name") ?? string.Empty)))
            {
                Division(element, people, text);
            }
            else if (element.Name.LocalName is "heading" or "p" && !element.Ancestors().Any(InsideSpeechOrVoters)
                && StatementText.Collapse(element.Value) is { Length: > 0 } prose)
            {
                // Section headings and the record's own prose between speeches are the editor's voice: kept as events in place.
                ordinal++;
                text.Append("\n  event { type: ").Append(element.Name.LocalName == "heading" ? "heading" : "text").Append("  note: ").Append(StatementText.String(prose)).Append(" }\n");
            }
            else if (EventElements.Contains(element.Name.LocalName) && !element.Ancestors().Any(a => SpeechElements.Contains(a.Name.LocalName)))
            {
                ordinal++;
                text.Append("\n  event { type: ").Append(element.Name.LocalName).Append("  note: ").Append(StatementText.String(StatementText.Collapse(element.Value))).Append(" }\n");
            }
            else if (element.Name.LocalName == "recordedTime" && date is not null && (string?)element.Attribute("time") is { Length: >= 10 } time
                && !time.StartsWith(date, StringComparison.Ordinal))
            {
                result.Lose(fileName, element, $"recordedTime {time} lies outside the meeting's date {date}; kept as a note");
                text.Append("\n  event { type: recorded_time  note: ").Append(StatementText.String("recordedTime " + time + ": " + StatementText.Collapse(element.Value))).Append(" }\n");
            }
        }

        foreach (var voting in debate.Descendants().Where(e => e.Name.LocalName is "voting" or "recount"))
        {
            var counts = string.Join(", ", voting.Elements().Where(c => c.Name.LocalName == "count")
                .Select(c => ((string?)c.Attribute("refersTo") ?? "?").Trim().TrimStart('#') + " " + (string?)c.Attribute("value")));
            var outcome = ((string?)voting.Attribute("outcome"))?.Trim().TrimStart('#') switch
            {
                "approved" or "adopted" or "carried" => "adopted",
                "rejected" or "negatived" => "rejected",
                _ => null,
            };
            text.Append("\n  vote {\n    on: ").Append(StatementText.String(((string?)voting.Attribute("refersTo"))?.Trim().TrimStart('#') ?? voting.Name.LocalName))
                .Append('\n');
            if (outcome is not null)
            {
                text.Append("    outcome: ").Append(outcome).Append('\n');
            }

            // The model's for/against are lists of voters; counts without names are kept as the note.
            text.Append("    note: ").Append(StatementText.String(voting.Name.LocalName + ": " + counts)).Append("\n  }\n");
        }

        text.Append("}\n");
        result.Meetings++;
        result.Files[meetingId + ".stmt"] = text.ToString();
    }

    /// <summary>Whether prose under this ancestor belongs to something else: a speech, a scene, or the voters of a division.</summary>
    private static bool InsideSpeechOrVoters(XElement ancestor) =>
        SpeechElements.Contains(ancestor.Name.LocalName) || EventElements.Contains(ancestor.Name.LocalName)
        || (ancestor.Name.LocalName == "debateSection" && VoterSections.ContainsKey((string?)ancestor.Attribute("name") ?? string.Empty));

    /// <summary>A division whose sides are sections listing the voters (<c>AYES: Mr. Alfa, …</c>): a vote with its voters, those the references hold.</summary>
    private static void Division(XElement division, Dictionary<string, string> people, StringBuilder text)
    {
        var heading = division.Elements().FirstOrDefault(e => e.Name.LocalName == "heading") is { } h ? StatementText.Collapse(h.Value) : (string?)division.Attribute("name") ?? "division";
        text.Append("\n  vote {\n    on: ").Append(StatementText.String(heading)).Append('\n');
        var prose = new List<string>();
        foreach (var side in division.Elements().Where(e => e.Name.LocalName == "debateSection" && VoterSections.ContainsKey((string?)e.Attribute("name") ?? string.Empty))
            .GroupBy(e => VoterSections[(string)e.Attribute("name")!]))
        {
            var voters = side.SelectMany(e => e.Descendants().Where(d => d.Name.LocalName == "person"))
                .Select(p => ((string?)p.Attribute("refersTo"))?.Trim().TrimStart('#'))
                .Where(r => r is not null && people.ContainsKey(r))
                .Select(r => people[r!])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            prose.Add(StatementText.Collapse(string.Concat(side.Select(e => e.Value))));
            text.Append("    ").Append(side.Key).Append(": [").Append(string.Join(", ", voters)).Append("]\n");
        }

        // The lists as printed ("etc." included) stay as the note: names the references do not hold are not lost.
        text.Append("    note: ").Append(StatementText.String(string.Join(" ", prose))).Append("\n  }\n");
    }

    private static void Speech(XElement speech, string fileName, int ordinal, Dictionary<string, string> people, Dictionary<string, string> roles, HashSet<string> ids,
        StringBuilder text, ImportResult result)
    {
        var id = StatementText.Identifier(Key(speech) is { Length: > 0 } key ? key : speech.Name.LocalName + "_" + ordinal.ToString(CultureInfo.InvariantCulture), ids, "speech");
        var fromElement = speech.Elements().FirstOrDefault(e => e.Name.LocalName == "from");
        var from = fromElement is null ? null : StatementText.Collapse(fromElement.Value).TrimEnd(':').Trim();

        // Without a `by`, the speaker may be named inline: <from><person refersTo="#alfa">Mr. Alfa</person></from>.
        var by = Reference(speech, "by")
            ?? fromElement?.Descendants().Where(e => e.Name.LocalName is "person" or "organization").Select(e => Reference(e, "refersTo")).FirstOrDefault(r => r is not null && people.ContainsKey(r));
        var role = Reference(speech, "as") is { } asRole && roles.TryGetValue(asRole, out var roleName) ? roleName : null;
        text.Append("\n  speech ").Append(id).Append(" {\n");
        if (by is not null && people.TryGetValue(by, out var speaker))
        {
            text.Append("    by: ").Append(speaker).Append('\n');
        }
        else if (by is not null)
        {
            // A `by` that names a role or no reference at all: the printed label stays, no speaker is invented.
            result.Lose(fileName, speech, $"{speech.Name.LocalName} by=\"{by}\" names no person or organization; kept its label without a speaker");
            role ??= roles.GetValueOrDefault(by);
        }

        var label = from is { Length: > 0 } ? from : role;
        if (label is not null)
        {
            text.Append("    as: ").Append(StatementText.String(label)).Append('\n');
        }

        if (speech.Name.LocalName != "speech")
        {
            text.Append("    note: ").Append(StatementText.String(speech.Name.LocalName)).Append('\n');
        }

        foreach (var paragraph in speech.Elements().Where(e => e.Name.LocalName != "from"))
        {
            var content = StatementText.Collapse(paragraph.Value);
            if (content.Length == 0)
            {
                continue;
            }

            var kind = (string?)paragraph.Attribute("class") is "paraphrase" or "note" ? (string)paragraph.Attribute("class")! : "quote";
            if (paragraph.Name.LocalName != "p")
            {
                kind = "note";
                result.Lose(fileName, paragraph, $"<{paragraph.Name.LocalName}> inside a {speech.Name.LocalName}; kept as a note");
            }

            text.Append("    ").Append(kind).Append(": ").Append(StatementText.String(content)).Append('\n');
        }

        text.Append("  }\n");
        result.Speeches++;
    }

    /// <summary>The meeting's day: the FRBRWork date, else the first docDate; a full date-time is cut to its day.</summary>
    private static string? MeetingDate(XElement debate)
    {
        var work = debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "FRBRWork");
        var date = (string?)work?.Elements().FirstOrDefault(e => e.Name.LocalName == "FRBRdate")?.Attribute("date")
            ?? (string?)debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "docDate")?.Attribute("date");
        return date is { Length: >= 4 } && System.Text.RegularExpressions.Regex.IsMatch(date, "^[0-9]{4}(-[0-9]{2}){0,2}") ? date[..Math.Min(10, date.Length)] : null;
    }

    /// <summary>The work's own name: the last segment of FRBRWork's FRBRthis or FRBRuri (<c>/akn/ke/debaterecord/2011-06-10</c> → <c>2011-06-10</c>).</summary>
    private static string? WorkName(XElement debate)
    {
        var work = debate.Descendants().FirstOrDefault(e => e.Name.LocalName == "FRBRWork");
        var uri = (string?)work?.Elements().FirstOrDefault(e => e.Name.LocalName == "FRBRuri")?.Attribute("value");
        var segments = uri?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is { Length: >= 2 } ? segments[^2] + "_" + segments[^1] : null;
    }

    /// <summary>An element's id: <c>eId</c> (AKN 3.0) or <c>id</c> (AKN 2.0).</summary>
    private static string Key(XElement element) => ((string?)element.Attribute("eId") ?? (string?)element.Attribute("id") ?? string.Empty).Trim();

    /// <summary>A reference attribute with or without <c>#</c> and with stray spaces.</summary>
    private static string? Reference(XElement element, string attribute) =>
        ((string?)element.Attribute(attribute))?.Trim().TrimStart('#').Trim() is { Length: > 0 } value ? value : null;
}
