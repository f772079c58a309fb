using System.Globalization;
using System.Text;
using System.Xml;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Cli.Interop;

/// <summary>
/// <c>stmt export --to tei</c>: a Parla-CLARIN / ParlaMint-shaped corpus (docs/interop.md): <c>corpus.xml</c>,
/// a <c>teiCorpus</c> whose header lists the organizations and the people with their dated
/// <c>affiliation</c>s, and includes one <c>TEI</c> component per meeting (<c>u who=</c> with <c>seg</c>s
/// and <c>note</c>s, <c>incident</c>s) and one, <c>statements.xml</c>, for the statements outside meetings.
/// </summary>
internal static class TeiExporter
{
    public const string Namespace = "http://www.tei-c.org/ns/1.0";
    private const string XInclude = "http://www.w3.org/2001/XInclude";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };

    public static IEnumerable<(string FileName, string Xml)> Write(BoundCompilation compilation)
    {
        var entities = compilation.Files.SelectMany(f => f.Entities).ToList();
        var components = new List<string>();
        var index = 0;
        foreach (var meeting in entities.Where(e => e.Kind == DeclarationKind.Meeting))
        {
            index++;
            var id = meeting.Id ?? "meeting-" + index.ToString(CultureInfo.InvariantCulture);
            components.Add(id + ".xml");
            yield return (id + ".xml", Document(xml => Meeting(xml, compilation, meeting, id)));
        }

        var statements = entities.Where(e => e.Kind == DeclarationKind.Statement).ToList();
        if (statements.Count > 0)
        {
            components.Add("statements.xml");
            yield return ("statements.xml", Document(xml => Statements(xml, compilation, statements)));
        }

        yield return ("corpus.xml", Document(xml => Corpus(xml, entities, components)));
    }

    private static string Document(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            write(xml);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Corpus(XmlWriter xml, List<BoundEntity> entities, List<string> components)
    {
        xml.WriteStartElement("teiCorpus", Namespace);
        xml.WriteAttributeString("xmlns", "xi", null, XInclude);
        xml.WriteStartElement("teiHeader", Namespace);
        Header(xml, "Records of meetings and statements", "Exported by stmt export --to tei.");
        xml.WriteStartElement("profileDesc", Namespace);
        xml.WriteStartElement("particDesc", Namespace);
        xml.WriteStartElement("listOrg", Namespace);
        foreach (var org in entities.Where(e => e.Kind == DeclarationKind.Org))
        {
            xml.WriteStartElement("org", Namespace);
            xml.WriteAttributeString("xml", "id", null, org.Id);
            if (org.SymbolOf("kind") is { } kind)
            {
                xml.WriteAttributeString("role", kind);
            }

            Names(xml, org, "orgName");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("listPerson", Namespace);
        foreach (var person in entities.Where(e => e.Kind == DeclarationKind.Person))
        {
            xml.WriteStartElement("person", Namespace);
            xml.WriteAttributeString("xml", "id", null, person.Id);
            Names(xml, person, "persName");
            foreach (var membership in entities.Where(e => e.Kind == DeclarationKind.Membership && e.ReferenceOf("person") == person.Id))
            {
                xml.WriteStartElement("affiliation", Namespace);
                xml.WriteAttributeString("ref", "#" + membership.ReferenceOf("org"));
                xml.WriteAttributeString("role", "member");
                Date(xml, "from", membership.Field("from"));
                Date(xml, "to", membership.Field("until"));
                if (membership.TextOf("role") is { } post)
                {
                    xml.WriteElementString("roleName", Namespace, post);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var component in components)
        {
            xml.WriteStartElement("xi", "include", XInclude);
            xml.WriteAttributeString("href", component);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Meeting(XmlWriter xml, BoundCompilation compilation, BoundEntity meeting, string id)
    {
        xml.WriteStartElement("TEI", Namespace);
        xml.WriteAttributeString("xml", "id", null, id);
        if (meeting.TranscriptLanguageOf() is { } language)
        {
            xml.WriteAttributeString("xml", "lang", null, language);
        }

        xml.WriteStartElement("teiHeader", Namespace);
        // An untitled meeting gets an empty title: the header needs one, and the id is already the TEI's xml:id.
        Header(xml, meeting.TextOf("title") ?? string.Empty, "Exported by stmt export --to tei.");
        xml.WriteStartElement("profileDesc", Namespace);
        xml.WriteStartElement("settingDesc", Namespace);
        xml.WriteStartElement("setting", Namespace);
        if (meeting.ReferenceOf("body") is { } body)
        {
            xml.WriteStartElement("orgName", Namespace);
            xml.WriteAttributeString("ref", "#" + body);
            xml.WriteString(body);
            xml.WriteEndElement();
        }

        if (meeting.Field("date")?.Value is DateValue date)
        {
            xml.WriteStartElement("date", Namespace);
            xml.WriteAttributeString("when", date.Date.ToString());
            xml.WriteString(date.Date.ToString());
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("text", Namespace);
        xml.WriteStartElement("body", Namespace);
        xml.WriteStartElement("div", Namespace);
        xml.WriteAttributeString("type", "debateSection");
        foreach (var child in meeting.Children)
        {
            if (child.Kind == DeclarationKind.Speech)
            {
                Utterance(xml, compilation, child);
            }
            else
            {
                Incident(xml, child);
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Statements made outside a meeting: one <c>div type="statement"</c> each, its date and channel in the <c>head</c>.</summary>
    private static void Statements(XmlWriter xml, BoundCompilation compilation, List<BoundEntity> statements)
    {
        xml.WriteStartElement("TEI", Namespace);
        xml.WriteAttributeString("xml", "id", null, "statements");
        var languages = statements.Select(s => s.TranscriptLanguageOf()).Distinct(StringComparer.Ordinal).ToList();
        if (languages is [{ } shared])
        {
            xml.WriteAttributeString("xml", "lang", null, shared);
        }

        xml.WriteStartElement("teiHeader", Namespace);
        Header(xml, "Statements outside meetings", "Exported by stmt export --to tei.");
        xml.WriteEndElement();
        xml.WriteStartElement("text", Namespace);
        xml.WriteStartElement("body", Namespace);
        foreach (var statement in statements)
        {
            xml.WriteStartElement("div", Namespace);
            xml.WriteAttributeString("type", "statement");
            xml.WriteStartElement("head", Namespace);
            if (statement.Field("date")?.Value is DateValue date)
            {
                xml.WriteStartElement("date", Namespace);
                xml.WriteAttributeString("when", date.Date.ToString());
                xml.WriteString(date.Date.ToString());
                xml.WriteEndElement();
            }

            if (statement.SymbolOf("via") is { } via)
            {
                xml.WriteString(" via " + via);
            }

            xml.WriteEndElement();
            Utterance(xml, compilation, statement);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Utterance(XmlWriter xml, BoundCompilation compilation, BoundEntity utterance)
    {
        if (utterance.TextOf("as") is { } label)
        {
            xml.WriteStartElement("note", Namespace);
            xml.WriteAttributeString("type", "speaker");
            xml.WriteString(label);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("u", Namespace);
        if (utterance.Id is { } id)
        {
            xml.WriteAttributeString("xml", "id", null, id);
        }

        if (utterance.ReferenceOf("by") is { } speaker)
        {
            xml.WriteAttributeString("who", "#" + speaker);
        }

        if (compilation.SpeakerMembershipOf(utterance) is { } post && post.ReferenceOf("org") is { } org)
        {
            // The org the speaker held a post in that day; the post itself is the person's dated affiliation.
            xml.WriteAttributeString("ana", "#" + org);
        }

        if (utterance.SymbolOf("language") is { } spoken)
        {
            xml.WriteAttributeString("xml", "lang", null, spoken);
        }
        else if (utterance.Kind == DeclarationKind.Statement && utterance.TranscriptLanguageOf() is { } written
            && compilation.Files.SelectMany(f => f.Entities).Where(e => e.Kind == DeclarationKind.Statement).Select(s => s.TranscriptLanguageOf()).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            // Statements of transcripts in several languages share one component: each says its own.
            xml.WriteAttributeString("xml", "lang", null, written);
        }

        foreach (var passage in utterance.Fields.Where(f => f.Spec.IsContent && f.Value is TextValue))
        {
            xml.WriteStartElement(passage.Name == "note" ? "note" : "seg", Namespace);
            if (passage.Name == "paraphrase")
            {
                xml.WriteAttributeString("type", "paraphrase");
            }

            if (passage.Language is { } language)
            {
                xml.WriteAttributeString("xml", "lang", null, language);
            }

            xml.WriteString(((TextValue)passage.Value).Text);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Incident(XmlWriter xml, BoundEntity incident)
    {
        if (incident.Kind == DeclarationKind.Vote)
        {
            xml.WriteStartElement("note", Namespace);
            xml.WriteAttributeString("type", "vote");
            xml.WriteString("Vote on " + (incident.TextOf("on") ?? "?") + ": for " + string.Join(", ", incident.ReferencesOf("for")) + "; against " + string.Join(", ", incident.ReferencesOf("against"))
                + "; abstaining " + string.Join(", ", incident.ReferencesOf("abstain")) + (incident.SymbolOf("outcome") is { } outcome ? "; " + outcome : string.Empty));
            xml.WriteEndElement();
            return;
        }

        xml.WriteStartElement("incident", Namespace);
        xml.WriteAttributeString("type", incident.Kind == DeclarationKind.Walkout ? "walkout" : incident.SymbolOf("type") ?? "event");
        if (incident.ReferencesOf("by").ToList() is { Count: > 0 } by)
        {
            xml.WriteAttributeString("who", string.Join(" ", by.Select(b => "#" + b)));
        }

        if (incident.ReferenceOf("during") is { } during)
        {
            xml.WriteAttributeString("corresp", "#" + during);
        }

        xml.WriteElementString("desc", Namespace, incident.TextOf("note") ?? (incident.Kind == DeclarationKind.Walkout ? "walkout" : incident.SymbolOf("type") ?? "event"));
        xml.WriteEndElement();
    }

    private static void Header(XmlWriter xml, string title, string source)
    {
        xml.WriteStartElement("fileDesc", Namespace);
        xml.WriteStartElement("titleStmt", Namespace);
        xml.WriteElementString("title", Namespace, title);
        xml.WriteEndElement();
        xml.WriteStartElement("publicationStmt", Namespace);
        xml.WriteElementString("p", Namespace, source);
        xml.WriteEndElement();
        xml.WriteStartElement("sourceDesc", Namespace);
        xml.WriteElementString("p", Namespace, "StatementDsl records.");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Names(XmlWriter xml, BoundEntity actor, string element)
    {
        foreach (var name in actor.FieldsNamed("name").Concat(actor.FieldsNamed("alias")))
        {
            xml.WriteStartElement(element, Namespace);
            if (name.Language is { } language)
            {
                xml.WriteAttributeString("xml", "lang", null, language);
            }

            if (name.Name == "alias")
            {
                xml.WriteAttributeString("type", "alias");
            }

            xml.WriteString(((TextValue)name.Value).Text);
            xml.WriteEndElement();
        }
    }

    private static void Date(XmlWriter xml, string attribute, BoundField? field)
    {
        if (field?.Value is DateValue date)
        {
            xml.WriteAttributeString(attribute, date.Date.ToString());
        }
    }


}
