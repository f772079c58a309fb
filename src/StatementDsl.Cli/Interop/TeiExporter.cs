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
            FieldNotes(xml, org, "name", "kind");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("listPerson", Namespace);
        foreach (var person in entities.Where(e => e.Kind == DeclarationKind.Person))
        {
            xml.WriteStartElement("person", Namespace);
            xml.WriteAttributeString("xml", "id", null, person.Id);
            Names(xml, person, "persName");
            FieldNotes(xml, person, "name", "alias");
            foreach (var membership in entities.Where(e => e.Kind == DeclarationKind.Membership && e.ReferenceOf("person") == person.Id))
            {
                xml.WriteStartElement("affiliation", Namespace);
                if (membership.Id is { } membershipId)
                {
                    xml.WriteAttributeString("xml", "id", null, membershipId);
                }

                xml.WriteAttributeString("ref", "#" + membership.ReferenceOf("org"));
                xml.WriteAttributeString("role", "member");
                Date(xml, "from", membership.Field("from"));
                Date(xml, "to", membership.Field("until"));
                if (membership.TextOf("role") is { } post)
                {
                    xml.WriteElementString("roleName", Namespace, post);
                }

                FieldNotes(xml, membership, "person", "org", "role", "from", "until");

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
        Header(xml, meeting.TextOf("title") ?? string.Empty, "Exported by stmt export --to tei.", notes =>
        {
            FieldNotes(notes, meeting, "title", "date", "body");
            if (meeting.File.Transcript is { } transcript)
            {
                // The transcript of the meeting's file, its fields prefixed, so that an import writes it back.
                FieldNote(notes, "transcript.id", transcript.Id ?? string.Empty);
                PrefixedFieldNotes(notes, transcript, "transcript.");
            }
        });
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

        var ownLanguage = languages.Count > 1;

        xml.WriteStartElement("teiHeader", Namespace);
        var transcripts = statements.Select(s => s.File.Transcript).Distinct().ToList();
        Header(xml, "Statements outside meetings", "Exported by stmt export --to tei.", transcripts is [{ } transcript]
            ? notes =>
            {
                // Statements of one transcript: it travels with them, as with a meeting.
                FieldNote(notes, "transcript.id", transcript.Id ?? string.Empty);
                PrefixedFieldNotes(notes, transcript, "transcript.");
            }
            : null);
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
            Utterance(xml, compilation, statement, ownLanguage);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <param name="ownLanguage">Whether the utterance says its transcript's language itself: statements of several languages share a component.</param>
    private static void Utterance(XmlWriter xml, BoundCompilation compilation, BoundEntity utterance, bool ownLanguage = false)
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
        else if (ownLanguage && utterance.TranscriptLanguageOf() is { } written)
        {
            // Statements of transcripts in several languages share one component: each says its own.
            xml.WriteAttributeString("xml", "lang", null, written);
        }

        FieldNotes(xml, utterance, utterance.Kind == DeclarationKind.Statement ? ["by", "as", "date", "via"] : ["by", "as"]);
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
            // TEI has no vote: a note that reads as the vote, its fields as notes inside it.
            xml.WriteStartElement("note", Namespace);
            xml.WriteAttributeString("type", "vote");
            if (incident.Id is { } voteId)
            {
                xml.WriteAttributeString("xml", "id", null, voteId);
            }

            xml.WriteString("Vote on " + (incident.TextOf("on") ?? "?") + ": for " + string.Join(", ", incident.ReferencesOf("for")) + "; against " + string.Join(", ", incident.ReferencesOf("against"))
                + "; abstaining " + string.Join(", ", incident.ReferencesOf("abstain")) + (incident.SymbolOf("outcome") is { } outcome ? "; " + outcome : string.Empty));
            FieldNotes(xml, incident);
            xml.WriteEndElement();
            return;
        }

        xml.WriteStartElement("incident", Namespace);
        if (incident.Id is { } id)
        {
            xml.WriteAttributeString("xml", "id", null, id);
        }

        xml.WriteAttributeString("type", incident.Kind == DeclarationKind.Walkout ? "walkout" : incident.SymbolOf("type") ?? "event");
        if (incident.ReferencesOf("by").ToList() is { Count: > 0 } by)
        {
            xml.WriteAttributeString("who", string.Join(" ", by.Select(b => "#" + b)));
        }

        if (incident.ReferenceOf("during") is { } during)
        {
            xml.WriteAttributeString("corresp", "#" + during);
        }

        FieldNotes(xml, incident, "type", "by", "during", "note");
        xml.WriteElementString("desc", Namespace, incident.TextOf("note") ?? string.Empty);
        xml.WriteEndElement();
    }

    /// <summary>
    /// The fields TEI has no element for, each a <c>note type="stmt" subtype="FIELD[@TAG]"</c> (a list one
    /// note per item), so that importing the export gives back the same records (docs/interop.md). Fields
    /// named in <paramref name="mapped"/> are written natively, but for their language-tagged variants.
    /// </summary>
    private static void FieldNotes(XmlWriter xml, BoundEntity entity, params string[] mapped) => PrefixedFieldNotes(xml, entity, string.Empty, mapped);

    private static void PrefixedFieldNotes(XmlWriter xml, BoundEntity entity, string prefix, params string[] mapped)
    {
        foreach (var field in entity.Fields.Where(f => !f.Spec.IsContent))
        {
            // Names and aliases are written natively in every language; other mapped fields only untagged.
            if (mapped.Contains(field.Name) && (field.Name is "name" or "alias" || entity.Field(field.Name)?.ValueSpan == field.ValueSpan))
            {
                continue;
            }

            foreach (var value in FieldValueTexts(field.Value))
            {
                FieldNote(xml, prefix + (field.Language is null ? field.Name : field.Name + "@" + field.Language), value);
            }
        }
    }

    private static void FieldNote(XmlWriter xml, string subtype, string value)
    {
        xml.WriteStartElement("note", Namespace);
        xml.WriteAttributeString("type", "stmt");
        xml.WriteAttributeString("subtype", subtype);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static IEnumerable<string> FieldValueTexts(BoundValue value) => value switch
    {
        TextValue text => [text.Text],
        DateValue date => [date.Date.ToString()],
        TimeValue time => [time.Time.ToString()],
        IntegerValue integer => [integer.Value.ToString(CultureInfo.InvariantCulture)],
        SymbolValue symbol => [symbol.Symbol],
        ReferenceValue reference => [reference.Id],
        ListValue list => list.Items.SelectMany(FieldValueTexts),
        _ => [],
    };

    private static void Header(XmlWriter xml, string title, string source, Action<XmlWriter>? notes = null)
    {
        xml.WriteStartElement("fileDesc", Namespace);
        xml.WriteStartElement("titleStmt", Namespace);
        xml.WriteElementString("title", Namespace, title);
        xml.WriteEndElement();
        xml.WriteStartElement("publicationStmt", Namespace);
        xml.WriteElementString("p", Namespace, source);
        xml.WriteEndElement();
        if (notes is not null)
        {
            xml.WriteStartElement("notesStmt", Namespace);
            notes(xml);
            xml.WriteEndElement();
        }

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
