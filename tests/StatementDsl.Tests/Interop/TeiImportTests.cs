using System.Text.Json.Nodes;
using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.Interop;

/// <summary><c>stmt import --from tei</c>: the round trip through the sample's TEI export, and ParlaMint corpora as they come.</summary>
public class TeiImportTests
{
    private static string Collapse(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The whole model as the JSON export writes it, but where it was declared (origins, the files and their
    /// classes);
    /// records in order of id, white space collapsed when asked (TEI text is read as XML text is).
    /// </summary>
    private static string Model(string folder, bool collapse)
    {
        var json = Path.Combine(CliRunner.TempFolder(), "model.json");
        Assert.Equal(0, CliRunner.Run("export", "--to", "json", "--force", folder, "-o", json).ExitCode);
        var model = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        model.Remove("files");
        model.Remove("$schema");
        foreach (var (name, records) in model.ToList())
        {
            if (records is JsonArray array)
            {
                model[name] = new JsonArray(array.OrderBy(r => r!["id"]?.ToJsonString(), StringComparer.Ordinal).Select(r => Strip(r!.DeepClone())).ToArray());
            }
        }

        return (collapse ? Collapsed(model) : model).ToJsonString();

        static JsonNode Strip(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                obj.Remove("origin");
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        Strip(value);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Strip(item);
                    }
                }
            }

            return node;
        }
    }

    private static JsonNode Collapsed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = value is null ? null : Collapsed(value.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Collapsed(item.DeepClone())).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Collapse(text))!;
            default:
                return node;
        }
    }

    [Fact]
    public void Importing_the_samples_TEI_export_gives_back_the_same_model()
    {
        var sample = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");
        var tei = Path.Combine(CliRunner.TempFolder(), "tei");
        Assert.Equal(0, CliRunner.Run("export", "--to", "tei", sample, "-o", tei).ExitCode);
        var imported = Path.Combine(CliRunner.TempFolder(), "imported");
        var (code, _, error) = CliRunner.Run("import", "--from", "tei", Path.Combine(tei, "corpus.xml"), "-o", imported);
        Assert.True(code == 0, error);
        Assert.Contains("imported 1 meeting(s), 5 speech(es), 4 people, 7 organization(s), 4 membership(s) into 3 file(s); 0 loss(es)", error, StringComparison.Ordinal);
        // The transcript keeps its source_document; the report is not part of the corpus, so it is copied beside.
        File.Copy(Path.Combine(sample, "aleppo-2016-09-25.ar.txt"), Path.Combine(imported, "aleppo-2016-09-25.ar.txt"));
        Assert.Equal(0, CliRunner.Run("check", "--strict", imported).ExitCode);
        Assert.Equal(Model(sample, collapse: false), Model(imported, collapse: false));
        Assert.Contains("transcript aleppo {", File.ReadAllText(Path.Combine(imported, "emergency_session.stmt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_documents_survive_export_to_TEI_and_import()
    {
        CsCheck.Check.Sample(Properties.Documents.Valid, text =>
        {
            var source = CliRunner.TempFolder(("archive.stmt", text));
            var tei = Path.Combine(CliRunner.TempFolder(), "tei");
            Assert.Equal(0, CliRunner.Run("export", "--to", "tei", source, "-o", tei).ExitCode);
            var imported = Path.Combine(CliRunner.TempFolder(), "imported");
            var (code, _, error) = CliRunner.Run("import", "--from", "tei", Path.Combine(tei, "corpus.xml"), "-o", imported);
            Assert.True(code is 0 or 1, error);
            Assert.Equal(Model(source, collapse: true), Model(imported, collapse: true));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void A_ParlaMint_corpus_with_included_sittings_and_lists_placeholders_and_asides_in_segments()
    {
        var root = CliRunner.TempFolder(
            ("corpus/ParlaMint-XX.xml", """
                <teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude" xml:lang="en">
                  <teiHeader><profileDesc><particDesc>
                    <xi:include href="ParlaMint-XX-listOrg.xml"/>
                    <xi:include href="ParlaMint-XX-listPerson.xml"/>
                  </particDesc></profileDesc></teiHeader>
                  <xi:include href="2020/ParlaMint-XX_2020-01-15.xml"/>
                  <xi:include href="../outside.xml"/>
                </teiCorpus>
                """),
            ("corpus/ParlaMint-XX-listOrg.xml", """
                <listOrg xmlns="http://www.tei-c.org/ns/1.0"><org xml:id="parliament.ΒΟΥΛΗ" role="body"><orgName xml:lang="el">Βουλή</orgName><orgName xml:lang="en">Parliament</orgName></org></listOrg>
                """),
            ("corpus/ParlaMint-XX-listPerson.xml", """
                <listPerson xmlns="http://www.tei-c.org/ns/1.0">
                  <person xml:id="ΠαπαδόπουλοςΓιώργος"><persName xml:lang="el">Γιώργος Παπαδόπουλος</persName><persName xml:lang="en">Giorgos Papadopoulos</persName>
                    <affiliation ref="#parliament.ΒΟΥΛΗ" role="member" from="2019-07-07"><roleName>Member of Parliament</roleName></affiliation></person>
                </listPerson>
                """),
            ("corpus/2020/ParlaMint-XX_2020-01-15.xml", """
                <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2020-01-15" xml:lang="el">
                  <teiHeader><fileDesc><titleStmt><title>Sitting of 15 January 2020</title></titleStmt></fileDesc>
                    <profileDesc><settingDesc><setting><orgName ref="#parliament.ΒΟΥΛΗ">Βουλή</orgName><date when="2020-01-15">15.1.2020</date></setting></settingDesc></profileDesc></teiHeader>
                  <text><body><div type="debateSection">
                    <note type="speaker">ΠΡΟΕΔΡΟΣ:</note>
                    <u xml:id="u1" who="#unknown-M"><seg>Καλημέρα.</seg></u>
                    <note type="speaker">Γιώργος Παπαδόπουλος:</note>
                    <u xml:id="u2" who="#ΠαπαδόπουλοςΓιώργος"><seg>Ευχαριστώ <kinesic type="applause"><desc>Χειροκροτήματα</desc></kinesic> πολύ.</seg><seg xml:lang="en">Thank you.</seg><note>(inaudible)</note></u>
                    <u xml:id="u3"><seg>Order!</seg></u>
                    <incident type="break"><desc>The sitting was suspended.</desc></incident>
                  </div></body></text>
                </TEI>
                """),
            ("outside.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"secret\"><text><body><u><seg>not to be read</seg></u></body></text></TEI>"));
        var imported = Path.Combine(CliRunner.TempFolder(), "imported");
        var (code, _, error) = CliRunner.Run("import", "--from", "tei", Path.Combine(root, "corpus", "ParlaMint-XX.xml"), "-o", imported);
        Assert.Equal(1, code);
        Assert.Contains("xi:include '../outside.xml' leaves the input's folder; refused", error, StringComparison.Ordinal);
        Assert.Contains("ParlaMint-XX_2020-01-15.xml(6,6): u who=\"#unknown-M\" names no person of the lists; kept as the label", error, StringComparison.Ordinal);
        Assert.Contains("imported 1 meeting(s), 3 speech(es), 1 people, 1 organization(s), 1 membership(s)", error, StringComparison.Ordinal);

        var roster = File.ReadAllText(Path.Combine(imported, "roster.stmt"));
        Assert.Contains("person ΠαπαδόπουλοςΓιώργος {\n  name: \"Γιώργος Παπαδόπουλος\"\n  name@en: \"Giorgos Papadopoulos\"\n}", roster, StringComparison.Ordinal);
        Assert.Contains("membership {\n  person: ΠαπαδόπουλοςΓιώργος\n  org: parliament_ΒΟΥΛΗ\n  role: \"Member of Parliament\"\n  from: 2019-07-07\n}", roster, StringComparison.Ordinal);
        var sitting = File.ReadAllText(Directory.GetFiles(imported, "ParlaMint*.stmt").Single());
        Assert.DoesNotContain("not to be read", sitting, StringComparison.Ordinal);
        Assert.Contains("date: 2020-01-15\n  body: parliament_ΒΟΥΛΗ", sitting, StringComparison.Ordinal);
        Assert.Contains("speech u1 {\n    as: \"ΠΡΟΕΔΡΟΣ\"\n    quote: \"Καλημέρα.\"", sitting, StringComparison.Ordinal);
        Assert.Contains("by: ΠαπαδόπουλοςΓιώργος\n    as: \"Γιώργος Παπαδόπουλος\"\n    quote: \"Ευχαριστώ πολύ.\"\n    note: \"[applause: Χειροκροτήματα]\"\n    quote@en: \"Thank you.\"\n    note: \"(inaudible)\"", sitting, StringComparison.Ordinal);
        Assert.Contains("speech u3 {\n    quote: \"Order!\"", sitting, StringComparison.Ordinal);
        Assert.Contains("event {\n    type: break\n    note: \"The sitting was suspended.\"\n  }", sitting, StringComparison.Ordinal);

        var check = CliRunner.Run("check", imported);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Contains("STMT1001", check.Output, StringComparison.Ordinal);
    }
}
