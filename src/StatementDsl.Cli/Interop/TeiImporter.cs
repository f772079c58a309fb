using System.Text;
using System.Xml;
using System.Xml.Linq;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Cli.Interop;

/// <summary>
/// <c>stmt import --from tei</c>: Parla-CLARIN / ParlaMint corpora (docs/interop.md): a <c>teiCorpus</c> root
/// that <c>xi:include</c>s its sittings (resolved relative to the file that includes them, never outside
/// the input's folder), person and org lists inline, included or absent, <c>u</c> with or without
/// <c>who</c>, placeholder speakers, ids in any script, notes and incidents inside segments, a language
/// per segment. Read with DTDs prohibited and no resolver, as the Akoma Ntoso importer reads.
/// </summary>
internal static class TeiImporter
{
    private const string XInclude = "http://www.w3.org/2001/XInclude";
    private const int MaxIncludeDepth = 8;
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";
    private static readonly HashSet<string> Incidents = new(StringComparer.Ordinal) { "incident", "kinesic", "vocal", "gap", "pause", "shift", "writing" };

    public static void Import(string path, ImportResult result, HashSet<string> ids, SortedDictionary<string, string> roster)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var fileName = Path.GetFileName(path);
        var sittings = new List<string>();
        var document = Load(path, root, fileName, result, 0, sittings);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);

        var people = document.Descendants().Where(e => e.Name.LocalName == "person").ToList();
        var orgs = document.Descendants().Where(e => e.Name.LocalName == "org").ToList();
        foreach (var actor in orgs.Concat(people))
        {
            if (XmlId(actor) is { } key && !known.ContainsKey(key))
            {
                known[key] = StatementText.Identifier(key, ids, actor.Name.LocalName == "org" ? "org" : "person");
            }
        }

        foreach (var org in orgs.Where(o => XmlId(o) is not null))
        {
            Actor(org, "org", "orgName", known, roster);
            result.Organizations++;
        }

        var memberships = 0;
        foreach (var person in people.Where(p => XmlId(p) is not null))
        {
            Actor(person, "person", "persName", known, roster);
            result.People++;
            foreach (var affiliation in person.Elements().Where(e => e.Name.LocalName == "affiliation"))
            {
                if (Target(affiliation, "ref", known) is not { } org)
                {
                    result.Lose(fileName, affiliation, $"affiliation of '{XmlId(person)}' names no org of the lists; left out");
                    continue;
                }

                memberships++;
                var text = new StringBuilder("membership ").Append(XmlId(affiliation) is { } membershipId ? StatementText.Identifier(membershipId, ids, "membership") + " " : string.Empty)
                    .Append("{ person: ").Append(known[XmlId(person)!]).Append("  org: ").Append(org);
                if (affiliation.Elements().FirstOrDefault(e => e.Name.LocalName == "roleName") is { } roleName)
                {
                    text.Append("  role: ").Append(StatementText.String(StatementText.Collapse(roleName.Value)));
                }

                if (StatementText.Date((string?)affiliation.Attribute("from")) is { } from)
                {
                    text.Append("  from: ").Append(from);
                }

                if (StatementText.Date((string?)affiliation.Attribute("to")) is { } to)
                {
                    text.Append("  until: ").Append(to);
                }

                text.Append(FieldNotes(affiliation, DeclarationKind.Membership, known, "  ").Replace('\n', ' ').TrimEnd());

                roster["~membership " + memberships.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)] = text.Append(" }\n").ToString();
                result.Memberships++;
            }
        }

        foreach (var tei in document.DescendantsAndSelf().Where(e => e.Name.LocalName == "TEI"))
        {
            Component(tei, fileName, result, ids, known);
        }

        // Each included sitting is read, imported and let go in turn, so a corpus of any size needs the
        // memory of its largest sitting.
        foreach (var sitting in sittings)
        {
            var component = Load(sitting, root, Path.GetFileName(sitting), result, 1, sittings: null);
            Component(component, Path.GetFileName(sitting), result, ids, known);
        }
    }

    /// <summary>A file with its <c>xi:include</c>s replaced by what they name; an include that leaves the input's folder is refused and reported.</summary>
    /// <param name="sittings">Where the includes of whole <c>TEI</c> sittings are collected instead of being read now; null to read them in place.</param>
    private static XElement Load(string path, string root, string fileName, ImportResult result, int depth, List<string>? sittings)
    {
        XElement element;
        using (var reader = XmlReader.Create(path, AkomaNtosoImporter.ReaderSettings))
        {
            element = XElement.Load(reader, LoadOptions.SetLineInfo);
        }

        element.AddAnnotation(new ImportSource(Path.GetFileName(path)));

        foreach (var include in element.DescendantsAndSelf().Where(e => e.Name == XName.Get("include", XInclude)).ToList())
        {
            var href = (string?)include.Attribute("href") ?? string.Empty;
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, href));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || depth >= MaxIncludeDepth)
            {
                result.Lose(fileName, include, depth >= MaxIncludeDepth ? $"xi:include '{href}' nests deeper than {MaxIncludeDepth} levels; not followed" : $"xi:include '{href}' leaves the input's folder; refused");
                include.Remove();
                continue;
            }

            if (!File.Exists(target))
            {
                result.Lose(fileName, include, $"xi:include '{href}' names no file; left out");
                include.Remove();
                continue;
            }

            if (sittings is not null && RootName(target) == "TEI")
            {
                sittings.Add(target);
                include.Remove();
                continue;
            }

            include.ReplaceWith(Load(target, root, Path.GetFileName(target), result, depth + 1, sittings));
        }

        return element;
    }

    /// <summary>The local name of a file's root element, read without reading the rest.</summary>
    private static string? RootName(string path)
    {
        using var reader = XmlReader.Create(path, AkomaNtosoImporter.ReaderSettings);
        return reader.MoveToContent() == XmlNodeType.Element ? reader.LocalName : null;
    }

    private static void Actor(XElement actor, string kind, string nameElement, Dictionary<string, string> known, SortedDictionary<string, string> roster)
    {
        var id = known[XmlId(actor)!];
        var names = actor.Elements().Where(e => e.Name.LocalName == nameElement).ToList();
        var text = new StringBuilder(kind).Append(' ').Append(id).Append(" {\n");
        var plain = names.Where(n => (string?)n.Attribute("type") != "alias").ToList();
        var preferred = plain.FirstOrDefault(n => n.Attribute(Xml + "lang") is null) ?? plain.FirstOrDefault();
        text.Append("  name: ").Append(StatementText.String(preferred is null ? XmlId(actor)! : StatementText.Collapse(preferred.Value))).Append('\n');
        var tagged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Where(n => !ReferenceEquals(n, preferred)))
        {
            var value = StatementText.String(StatementText.Collapse(name.Value));
            if ((string?)name.Attribute("type") == "alias" || (string?)name.Attribute(Xml + "lang") is not { } language || !tagged.Add(language))
            {
                if (kind == "person")
                {
                    text.Append("  alias: ").Append(value).Append('\n');
                }
            }
            else
            {
                text.Append("  name@").Append(language).Append(": ").Append(value).Append('\n');
            }
        }

        if (kind == "org" && ((string?)actor.Attribute("role"))?.ToLowerInvariant() is { } role && role is "state" or "body" or "delegation" or "party" or "media" or "ngo" or "other")
        {
            text.Append("  kind: ").Append(role).Append('\n');
        }

        text.Append(FieldNotes(actor, kind == "org" ? DeclarationKind.Org : DeclarationKind.Person, known, "  "));
        roster[kind + " " + id] = text.Append("}\n").ToString();
    }

    /// <summary>One sitting (or the statements component): speeches, incidents and notes in order.</summary>
    private static void Component(XElement tei, string fileName, ImportResult result, HashSet<string> ids, Dictionary<string, string> known)
    {
        var key = XmlId(tei) ?? "sitting";
        var body = tei.Descendants().FirstOrDefault(e => e.Name.LocalName == "body");
        if (body is null)
        {
            return;
        }

        var id = StatementText.Identifier(key, ids, "sitting");
        var title = tei.Descendants().FirstOrDefault(e => e.Name.LocalName == "title") is { } titleElement && StatementText.Collapse(titleElement.Value) is { Length: > 0 } named ? named : null;
        var text = new StringBuilder("// Imported from ").Append(fileName).Append(" (TEI) by stmt import.\n\n");
        var notesStmt = tei.Descendants().FirstOrDefault(e => e.Name.LocalName == "notesStmt");
        var transcriptNotes = notesStmt?.Elements().Where(e => IsFieldNote(e) && ((string?)e.Attribute("subtype") ?? string.Empty).StartsWith("transcript.", StringComparison.Ordinal)).ToList() ?? [];
        if (transcriptNotes.Count > 0)
        {
            // Our own export: the file's transcript as it was.
            var transcriptId = transcriptNotes.FirstOrDefault(n => (string?)n.Attribute("subtype") == "transcript.id")?.Value;
            text.Append("transcript ").Append(string.IsNullOrEmpty(transcriptId) ? string.Empty : StatementText.Identifier(transcriptId, ids, "record") + " ").Append("{\n")
                .Append(FieldNotes(notesStmt!, DeclarationKind.Transcript, known, "  ", "transcript.")).Append("}\n");
        }
        else
        {
            text.Append("transcript ").Append(StatementText.Identifier(id + "_record", ids, "record")).Append(" {\n");
            if ((string?)tei.Attribute(Xml + "lang") is { } language)
            {
                text.Append("  language: ").Append(language).Append('\n');
            }

            text.Append("  source: ").Append(StatementText.String(fileName + " (TEI)")).Append("\n}\n");
        }
        var statements = body.Descendants().Where(e => e.Name.LocalName == "div" && (string?)e.Attribute("type") == "statement").ToList();
        if (statements.Count > 0 && statements.Count == body.Elements().Count())
        {
            foreach (var statement in statements)
            {
                Statement(statement, fileName, result, ids, known, text);
            }

            result.Files[id + ".stmt"] = text.ToString();
            return;
        }

        text.Append("\nmeeting ").Append(id).Append(" {\n");
        if (title is not null)
        {
            text.Append("  title: ").Append(StatementText.String(title)).Append('\n');
        }

        var setting = tei.Descendants().FirstOrDefault(e => e.Name.LocalName == "setting");
        if (StatementText.Date((string?)(setting ?? tei).Descendants().FirstOrDefault(e => e.Name.LocalName == "date")?.Attribute("when")) is { } date)
        {
            text.Append("  date: ").Append(date).Append('\n');
        }

        if (setting?.Elements().FirstOrDefault(e => e.Name.LocalName == "orgName") is { } orgName && Target(orgName, "ref", known) is { } bodyId)
        {
            text.Append("  body: ").Append(bodyId).Append('\n');
        }

        if (notesStmt is not null)
        {
            text.Append(FieldNotes(notesStmt, DeclarationKind.Meeting, known, "  "));
        }

        string? label = null;
        var ordinal = 0;
        foreach (var element in body.Descendants())
        {
            if (element.Ancestors().Any(a => a.Name.LocalName == "u"))
            {
                continue;
            }

            switch (element.Name.LocalName)
            {
                case "note" when (string?)element.Attribute("type") == "speaker":
                    label = StatementText.Collapse(element.Value).TrimEnd(':').Trim();
                    break;
                case "u":
                    ordinal++;
                    Utterance(element, "speech", "  ", ordinal, label, fileName, result, ids, known, text);
                    result.Speeches++;
                    label = null;
                    break;
                case "note" when (string?)element.Attribute("type") == "stmt":
                    break;
                case "note" when (string?)element.Attribute("type") == "vote" && element.Elements().Any(IsFieldNote):
                    text.Append("\n  vote ").Append(XmlId(element) is { } voteId ? StatementText.Identifier(voteId, ids, "vote") + " " : string.Empty).Append("{\n")
                        .Append(FieldNotes(element, DeclarationKind.Vote, known, "    ")).Append("  }\n");
                    break;
                case "incident":
                    var kind = (string?)element.Attribute("type") == "walkout" ? DeclarationKind.Walkout : DeclarationKind.Event;
                    text.Append("\n  ").Append(kind == DeclarationKind.Walkout ? "walkout " : "event ")
                        .Append(XmlId(element) is { } eventId ? StatementText.Identifier(eventId, ids, "event") + " " : string.Empty).Append("{\n");
                    if (kind == DeclarationKind.Event)
                    {
                        text.Append("    type: ").Append(StatementText.Identifier((string?)element.Attribute("type") ?? "event", new HashSet<string>(), "event")).Append('\n');
                    }

                    if (Targets(element, "who", known) is { Count: > 0 } actors)
                    {
                        text.Append("    by: [").Append(string.Join(", ", actors)).Append("]\n");
                    }

                    if (((string?)element.Attribute("corresp"))?.TrimStart('#') is { Length: > 0 } during)
                    {
                        text.Append("    during: ").Append(StatementText.Identifier(during, new HashSet<string>(), "speech")).Append('\n');
                    }

                    if (element.Elements().FirstOrDefault(e => e.Name.LocalName == "desc") is { } desc && desc.Value.Length > 0)
                    {
                        text.Append("    note: ").Append(StatementText.String(desc.Value)).Append('\n');
                    }

                    text.Append(FieldNotes(element, kind, known, "    ")).Append("  }\n");
                    break;
                case var other when other == "note" || Incidents.Contains(other):
                    var what = StatementText.Collapse(element.Value);
                    var type = StatementText.Identifier((string?)element.Attribute("type") ?? element.Name.LocalName, new HashSet<string>(), "event");
                    text.Append("\n  event { type: ").Append(type);
                    if (Targets(element, "who", known) is { Count: > 0 } who)
                    {
                        text.Append("  by: [").Append(string.Join(", ", who)).Append(']');
                    }

                    if (what.Length > 0)
                    {
                        text.Append("  note: ").Append(StatementText.String(what));
                    }

                    text.Append(" }\n");
                    break;
            }
        }

        text.Append("}\n");
        result.Meetings++;
        result.Files[id + ".stmt"] = text.ToString();
    }

    private static void Statement(XElement statement, string fileName, ImportResult result, HashSet<string> ids, Dictionary<string, string> known, StringBuilder text)
    {
        var u = statement.Descendants().FirstOrDefault(e => e.Name.LocalName == "u");
        if (u is null)
        {
            return;
        }

        var head = statement.Elements().FirstOrDefault(e => e.Name.LocalName == "head");
        var label = statement.Elements().FirstOrDefault(e => e.Name.LocalName == "note" && (string?)e.Attribute("type") == "speaker") is { } speaker ? StatementText.Collapse(speaker.Value) : null;
        var extra = new StringBuilder();
        if (StatementText.Date((string?)head?.Descendants().FirstOrDefault(e => e.Name.LocalName == "date")?.Attribute("when")) is { } date)
        {
            extra.Append("  date: ").Append(date).Append('\n');
        }

        if (head is not null && System.Text.RegularExpressions.Regex.Match(head.Value, @"via (\w+)") is { Success: true } via)
        {
            extra.Append("  via: ").Append(via.Groups[1].Value).Append('\n');
        }

        text.Append('\n');
        Utterance(u, "statement", string.Empty, 0, label, fileName, result, ids, known, text, extra.ToString());
        result.Speeches++;
    }

    private static void Utterance(XElement u, string kind, string indent, int ordinal, string? label, string fileName, ImportResult result, HashSet<string> ids,
        Dictionary<string, string> known, StringBuilder text, string extra = "")
    {
        // An utterance without an xml:id stays without an id, as it was written.
        var id = XmlId(u) is { } key ? StatementText.Identifier(key, ids, "u") + " " : string.Empty;
        text.Append(indent.Length > 0 ? "\n" : string.Empty).Append(indent).Append(kind).Append(' ').Append(id).Append("{\n").Append(extra);
        var who = ((string?)u.Attribute("who"))?.Trim();
        if (Target(u, "who", known) is { } speaker)
        {
            text.Append(indent).Append("  by: ").Append(speaker).Append('\n');
        }
        else if (!string.IsNullOrEmpty(who))
        {
            // A placeholder (#unknown-M) or a speaker the lists do not hold: the label stays, no speaker is invented.
            label ??= who.TrimStart('#');
            result.Lose(fileName, u, $"u who=\"{who}\" names no person of the lists; kept as the label");
        }

        if (label is { Length: > 0 })
        {
            text.Append(indent).Append("  as: ").Append(StatementText.String(label)).Append('\n');
        }

        if ((string?)u.Attribute(Xml + "lang") is { } spoken)
        {
            text.Append(indent).Append("  language: ").Append(spoken).Append('\n');
        }

        var kindOfUtterance = kind == "statement" ? DeclarationKind.Statement : DeclarationKind.Speech;
        text.Append(FieldNotes(u, kindOfUtterance, known, indent + "  "));
        foreach (var part in u.Elements().Where(e => !IsFieldNote(e)))
        {
            var passageKind = part.Name.LocalName == "seg" ? ((string?)part.Attribute("type") == "paraphrase" ? "paraphrase" : "quote") : "note";
            var language = (string?)part.Attribute(Xml + "lang");
            var words = StatementText.Collapse(string.Concat(part.Nodes().Select(n => n is XText t ? t.Value : n is XElement e && !Incidents.Contains(e.Name.LocalName) && e.Name.LocalName != "note" ? e.Value : " ")));
            if (words.Length > 0 || part.IsEmpty || !part.Nodes().Any() || part.Nodes().All(n => n is XText))
            {
                text.Append(indent).Append("  ").Append(passageKind).Append(language is null ? string.Empty : "@" + language).Append(": ").Append(StatementText.String(words)).Append('\n');
            }

            // Transcribers' notes and incidents inside a segment are the editor's voice, kept as notes after it.
            foreach (var aside in part.Elements().Where(e => Incidents.Contains(e.Name.LocalName) || e.Name.LocalName == "note"))
            {
                var described = StatementText.Collapse(aside.Value);
                text.Append(indent).Append("  note: ").Append(StatementText.String("[" + ((string?)aside.Attribute("type") ?? aside.Name.LocalName) + (described.Length > 0 ? ": " + described : string.Empty) + "]")).Append('\n');
            }
        }

        text.Append(indent).Append("}\n");
    }

    private static bool IsFieldNote(XElement element) => element.Name.LocalName == "note" && (string?)element.Attribute("type") == "stmt";

    /// <summary>
    /// The fields our TEI export keeps as <c>note type="stmt" subtype="FIELD[@TAG]"</c> children, written back as
    /// the kind's fields: texts quoted (their white space as written), references through the lists' ids,
    /// lists gathered from their notes, and everything else bare.
    /// </summary>
    private static string FieldNotes(XElement parent, DeclarationKind kind, Dictionary<string, string> known, string indent, string prefix = "")
    {
        var text = new StringBuilder();
        var specs = DeclarationKinds.Fields(kind);
        foreach (var group in parent.Elements().Where(IsFieldNote).GroupBy(n => (string?)n.Attribute("subtype") ?? string.Empty)
            .Where(g => prefix.Length == 0 ? !g.Key.Contains('.', StringComparison.Ordinal) : g.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(g => (Key: g.Key[prefix.Length..], Notes: g)))
        {
            var name = group.Key.Split('@')[0];
            if (specs.FirstOrDefault(f => f.Name == name) is not { } spec)
            {
                continue;
            }

            var values = group.Notes.Select(n => n.Value).ToList();
            string Value(string value) => spec.Type switch
            {
                FieldType.Text or FieldType.TextList => StatementText.String(value),
                FieldType.Reference or FieldType.ReferenceList => known.TryGetValue(value, out var id) ? id : StatementText.Identifier(value, new HashSet<string>(), "ref"),
                _ => value,
            };

            text.Append(indent).Append(group.Key).Append(": ");
            text.Append(spec.Type is FieldType.TextList or FieldType.ReferenceList ? "[" + string.Join(", ", values.Select(Value)) + "]" : Value(values[0]));
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string? XmlId(XElement element) => ((string?)element.Attribute(Xml + "id"))?.Trim() is { Length: > 0 } id ? id : null;

    private static string? Target(XElement element, string attribute, Dictionary<string, string> known) =>
        Targets(element, attribute, known).FirstOrDefault();

    private static List<string> Targets(XElement element, string attribute, Dictionary<string, string> known) =>
        ((string?)element.Attribute(attribute) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Trim().TrimStart('#'))
            .Where(known.ContainsKey)
            .Select(r => known[r])
            .ToList();
}
