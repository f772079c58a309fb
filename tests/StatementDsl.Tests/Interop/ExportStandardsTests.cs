using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;
using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.Interop;

/// <summary>Exports checked against the standards' own schemas (../shared/standards): the OASIS Akoma Ntoso 3.0 XSD and the Popolo JSON Schemas.</summary>
public class ExportStandardsTests
{
    private static readonly string Standards = TestText.Standards;
    private static readonly string SampleFolder = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");

    /// <summary>A meeting with everything the mapping covers: memberships, a label, a walkout during a speech, an event and a vote.</summary>
    private const string Council = """
        transcript council { title: "Council" language: en }
        org council_body { name: "Council" kind: body country: KE }
        org north { name: "North" kind: state }
        person alfa {
          name: "Mr. Alfa"
          name@ar: "السيد ألفا"
          alias: "Alfa"
          membership { org: north  role: "Ambassador"  from: 2010-01 }
        }
        person beta { name: "Mr. Beta" }
        meeting sitting_1 {
          title: "Second meeting"
          body: council_body
          date: 2011-06-10
          speech s1 { by: alfa  as: "The Ambassador"  to: beta  quote: "We beg to move."  paraphrase: "He moved the motion."  note: "Applause followed." }
          speech s2 { as: "An hon. Member"  quote: "Order!" }
          walkout { by: [beta]  during: s1 }
          event applause { type: applause }
          vote { on: "The motion" for: [alfa] against: [beta] outcome: adopted }
        }
        statement press { by: alfa  date: 2011-06-11T10:30+02:00  via: press  quote: "We won." }
        """;

    internal static XmlSchemaSet AknSchema()
    {
        var path = Path.Combine(Standards, "akoma-ntoso", "akomantoso30.xsd");
        Skip.IfNot(File.Exists(path), $"The Akoma Ntoso schema is not at {path}");
        var schemas = new XmlSchemaSet { XmlResolver = null };
        // The schema imports the W3C xml.xsd for xml:lang; its four attributes are declared here rather than fetched.
        using (var xmlNamespace = XmlReader.Create(new StringReader("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
              <xs:attribute name="lang" type="xs:language" />
              <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default" /><xs:enumeration value="preserve" /></xs:restriction></xs:simpleType></xs:attribute>
              <xs:attribute name="base" type="xs:anyURI" />
              <xs:attribute name="id" type="xs:ID" />
              <xs:attributeGroup name="specialAttrs"><xs:attribute ref="xml:base" /><xs:attribute ref="xml:lang" /><xs:attribute ref="xml:space" /><xs:attribute ref="xml:id" /></xs:attributeGroup>
            </xs:schema>
            """)))
        {
            schemas.Add(null, xmlNamespace);
        }

        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    internal static List<string> Validate(XmlSchemaSet schemas, string file)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{Path.GetFileName(file)}({e.Exception.LineNumber},{e.Exception.LinePosition}): {e.Message}");
        using var reader = XmlReader.Create(file, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static string Export(string target, string input, bool directory)
    {
        var output = Path.Combine(CliRunner.TempFolder(), directory ? "out" : "out.json");
        var (code, stdout, stderr) = CliRunner.Run("export", "--to", target, input, "-o", output);
        Assert.True(code == 0, stdout + stderr);
        return output;
    }

    [SkippableTheory]
    [InlineData("sample")]
    [InlineData("council")]
    public void Akoma_Ntoso_exports_validate_against_the_OASIS_schema(string which)
    {
        var schemas = AknSchema();
        var input = which == "sample" ? SampleFolder : CliRunner.TempFolder(("council.stmt", Council));
        var folder = Export("akn", input, directory: true);
        var files = Directory.GetFiles(folder, "*.akn.xml");
        Assert.Single(files);
        Assert.Empty(files.SelectMany(f => Validate(schemas, f)));

        var xml = new XmlDocument();
        xml.Load(files[0]);
        var akn = new XmlNamespaceManager(xml.NameTable);
        akn.AddNamespace("a", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
        if (which == "council")
        {
            Assert.Equal("2011-06-10", xml.SelectSingleNode("//a:FRBRWork/a:FRBRdate/@date", akn)!.Value);
            Assert.Equal("ke", xml.SelectSingleNode("//a:FRBRWork/a:FRBRcountry/@value", akn)!.Value);
            var speech = xml.SelectSingleNode("//a:speech[@by='#alfa']", akn)!;
            Assert.Equal("#beta", speech.Attributes!["to"]!.Value);
            Assert.StartsWith("#", speech.Attributes!["as"]!.Value, StringComparison.Ordinal);
            Assert.Equal("The Ambassador", speech.SelectSingleNode("a:from", akn)!.InnerText);
            Assert.Equal(["quote", "paraphrase", "note"], speech.SelectNodes("a:p/@class", akn)!.Cast<XmlNode>().Select(n => n.Value));
            Assert.Equal("We beg to move.", speech.SelectSingleNode("a:p[@class='quote']", akn)!.InnerText);
            Assert.Equal("#unknown", xml.SelectSingleNode("//a:speech[a:from='An hon. Member']/@by", akn)!.Value);
            Assert.Contains("walkout: Mr. Beta (during s1)", xml.SelectSingleNode("//a:scene[starts-with(@eId, 'walkout')]", akn)!.InnerText, StringComparison.Ordinal);
            Assert.Equal(["1", "1", "0"], xml.SelectNodes("//a:analysis//a:voting/a:count/@value", akn)!.Cast<XmlNode>().Select(n => n.Value));
            Assert.Equal("Ambassador", xml.SelectSingleNode("//a:TLCRole/@showAs", akn)!.Value);
        }
        else
        {
            Assert.Equal(3, xml.SelectNodes("//a:speech", akn)!.Count);
            Assert.Equal("ar", xml.SelectSingleNode("//a:FRBRlanguage/@language", akn)!.Value);
        }
    }

    [Fact]
    public void TEI_exports_a_ParlaMint_shaped_corpus_with_dated_affiliations()
    {
        var folder = Export("tei", CliRunner.TempFolder(("council.stmt", Council)), directory: true);
        Assert.Equal(["corpus.xml", "sitting_1.xml", "statements.xml"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var tei = new XmlNamespaceManager(new NameTable());
        tei.AddNamespace("t", "http://www.tei-c.org/ns/1.0");
        tei.AddNamespace("xi", "http://www.w3.org/2001/XInclude");
        var corpus = new XmlDocument();
        corpus.Load(Path.Combine(folder, "corpus.xml"));
        Assert.Equal(["sitting_1.xml", "statements.xml"], corpus.SelectNodes("/t:teiCorpus/xi:include/@href", tei)!.Cast<XmlNode>().Select(n => n.Value));
        var affiliation = corpus.SelectSingleNode("//t:person[@xml:id='alfa']/t:affiliation", tei)!;
        Assert.Equal(("#north", "2010-01", "Ambassador"), (affiliation.Attributes!["ref"]!.Value, affiliation.Attributes!["from"]!.Value, affiliation.SelectSingleNode("t:roleName", tei)!.InnerText));
        Assert.Equal("ar", corpus.SelectSingleNode("//t:person[@xml:id='alfa']/t:persName[2]/@xml:lang", tei)!.Value);
        Assert.Equal("state", corpus.SelectSingleNode("//t:org[@xml:id='north']/@role", tei)!.Value);

        var sitting = new XmlDocument();
        sitting.Load(Path.Combine(folder, "sitting_1.xml"));
        var u = sitting.SelectSingleNode("//t:u[@xml:id='s1']", tei)!;
        Assert.Equal(("#alfa", "#north"), (u.Attributes!["who"]!.Value, u.Attributes!["ana"]!.Value));
        var passages = u.ChildNodes.Cast<XmlNode>().Where(n => n.Attributes?["type"]?.Value != "stmt").ToList();
        Assert.Equal(["seg", "seg", "note"], passages.Select(n => n.LocalName));
        Assert.Equal("paraphrase", passages[1].Attributes!["type"]!.Value);
        Assert.Equal("beta", u.SelectSingleNode("t:note[@type='stmt'][@subtype='to']", tei)!.InnerText);
        Assert.Equal("The Ambassador", u.PreviousSibling!.InnerText);
        Assert.Null(sitting.SelectSingleNode("//t:u[@xml:id='s2']/@who", tei));
        Assert.Equal("#beta", sitting.SelectSingleNode("//t:incident[@type='walkout']/@who", tei)!.Value);
        Assert.Equal("#s1", sitting.SelectSingleNode("//t:incident[@type='walkout']/@corresp", tei)!.Value);
        Assert.NotNull(sitting.SelectSingleNode("//t:incident[@type='applause']", tei));
        Assert.NotNull(sitting.SelectSingleNode("//t:note[@type='vote']", tei));

        var statements = new XmlDocument();
        statements.Load(Path.Combine(folder, "statements.xml"));
        Assert.Equal("2011-06-11T10:30+02:00", statements.SelectSingleNode("//t:div[@type='statement']/t:head/t:date/@when", tei)!.Value);
        Assert.Equal("#alfa", statements.SelectSingleNode("//t:div[@type='statement']/t:u/@who", tei)!.Value);
    }

    /// <summary>
    /// The Popolo schemas are draft-03 and refer to schemas the folder does not hold (identifier, link,
    /// contact detail, area, post, motion, vote, vote event): those are registered as open schemas, and
    /// each root's <c>id</c> is read as its <c>$id</c>, so every object is checked against its own type.
    /// </summary>
    private static readonly Lazy<Dictionary<string, JsonSchema>?> Popolo = new(LoadPopoloSchemas);

    private static Dictionary<string, JsonSchema> PopoloSchemas()
    {
        Skip.If(Popolo.Value is null, $"The Popolo schemas are not in {Path.Combine(Standards, "popolo")}");
        return Popolo.Value!;
    }

    private static Dictionary<string, JsonSchema>? LoadPopoloSchemas()
    {
        var folder = Path.Combine(Standards, "popolo");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var registry = SchemaRegistry.Global;
        foreach (var missing in new[] { "identifier", "link", "contact_detail", "area", "post", "motion", "vote", "vote_event", "count" })
        {
            if (!File.Exists(Path.Combine(folder, missing + ".json")))
            {
                var uri = new Uri($"http://www.popoloproject.com/schemas/{missing}.json");
                registry.Register(uri, JsonSchema.FromText($$"""{ "$id": "{{uri}}" }"""));
            }
        }

        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var name in new[] { "person", "organization", "membership", "event", "speech", "other_name", "post" })
        {
            var file = Path.Combine(folder, name + ".json");
            if (!File.Exists(file))
            {
                continue;
            }

            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            json.Remove("$schema");
            json["$id"] = json["id"]!.GetValue<string>().TrimEnd('#');
            json.Remove("id");
            var uri = new Uri(json["$id"]!.GetValue<string>());
            var schema = JsonSchema.FromText(json.ToJsonString());
            registry.Register(uri, schema);
            schemas[name] = schema;
        }

        return schemas;
    }

    [SkippableTheory]
    [InlineData("sample")]
    [InlineData("council")]
    public void Popolo_exports_validate_against_the_Popolo_schemas(string which)
    {
        var schemas = PopoloSchemas();
        var input = which == "sample" ? SampleFolder : CliRunner.TempFolder(("council.stmt", Council));
        var document = JsonNode.Parse(File.ReadAllText(Export("popolo", input, directory: false)))!.AsObject();
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (var (collection, schema) in new[] { ("persons", "person"), ("organizations", "organization"), ("memberships", "membership"), ("events", "event"), ("speeches", "speech") })
        {
            Assert.NotEmpty(document[collection]!.AsArray());
            foreach (var item in document[collection]!.AsArray())
            {
                var result = schemas[schema].Evaluate(JsonDocument.Parse(item!.ToJsonString()).RootElement, options);
                Assert.True(result.IsValid, collection + ": " + item.ToJsonString() + "\n" + string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
            }
        }

        if (which == "council")
        {
            var alfa = document["persons"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "alfa")!;
            Assert.Equal("Mr. Alfa", alfa["name"]!.GetValue<string>());
            Assert.Equal("ar", alfa["other_names"]![0]!["lang"]!.GetValue<string>());
            Assert.Equal("alias", alfa["other_names"]![1]!["note"]!.GetValue<string>());
            var membership = document["memberships"]![0]!;
            Assert.Equal(("alfa", "north", "Ambassador", "2010-01"), (membership["person_id"]!.GetValue<string>(), membership["organization_id"]!.GetValue<string>(), membership["role"]!.GetValue<string>(), membership["start_date"]!.GetValue<string>()));
            var speeches = document["speeches"]!.AsArray();
            Assert.Equal(["quote", "paraphrase", "note", "quote", "quote"], speeches.Select(s => s!["type"]!.GetValue<string>()));
            Assert.Equal("Ambassador", speeches[0]!["role"]!.GetValue<string>());
            Assert.Null(speeches[3]!["creator_id"]);
            Assert.Equal("An hon. Member", speeches[3]!["attribution_text"]!.GetValue<string>());
            Assert.Equal("2011-06-11T10:30:00+02:00", speeches[4]!["date"]!.GetValue<string>());
            Assert.Equal("statement-press", speeches[4]!["event_id"]!.GetValue<string>());
        }
    }
}
