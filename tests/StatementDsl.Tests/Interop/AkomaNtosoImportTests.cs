using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.Interop;

/// <summary><c>stmt import --from akn</c> on the OASIS example and on small fixtures for the variants found in real exports.</summary>
public class AkomaNtosoImportTests
{
    private static readonly string Example = Path.Combine(TestText.Standards, "akoma-ntoso", "example-ke-debate-2011-06-10.xml");

    private static (int ExitCode, string Output, string Error, string Folder) Import(params string[] files)
    {
        var folder = Path.Combine(CliRunner.TempFolder(), "imported");
        var (code, output, error) = CliRunner.Run(["import", "--from", "akn", .. files, "-o", folder]);
        return (code, output, error, folder);
    }

    private static string Fixture(string xml) => Path.Combine(CliRunner.TempFolder(("debate.xml", xml)), "debate.xml");

    [SkippableFact]
    public void The_OASIS_example_imports_without_errors_keeps_every_speech_and_re_exports_valid()
    {
        Skip.IfNot(File.Exists(Example), $"The OASIS example is not at {Example}");
        var (code, _, error, folder) = Import(Example);
        Assert.Equal(1, code);
        Assert.Contains("imported 1 meeting(s), 11 speech(es), 9 people, 1 organization(s), 0 membership(s) into 2 file(s); 5 loss(es)", error, StringComparison.Ordinal);
        Assert.Contains("example-ke-debate-2011-06-10.xml(125,7): speech by=\"speaker\" names no person or organization", error, StringComparison.Ordinal);

        var check = CliRunner.Run("check", folder);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("0 error(s), 4 warning(s)", check.Error, StringComparison.Ordinal);
        var meeting = File.ReadAllText(Path.Combine(folder, "debaterecord_2011-06-10.stmt"));
        var speeches = meeting.Split("\n  speech ").Skip(1).ToList();
        Assert.Equal(11, speeches.Count);
        Assert.All(speeches, s => Assert.True(s.Contains("    by: ", StringComparison.Ordinal) || s.Contains("    as: ", StringComparison.Ordinal), s));
        Assert.Contains("as: \"Minister for the Interior (Mr Iota)\"", meeting, StringComparison.Ordinal);
        Assert.Contains("note: \"question\"", meeting, StringComparison.Ordinal);
        Assert.Contains("outcome: adopted", meeting, StringComparison.Ordinal);
        Assert.Contains("note: \"voting: ayes 72, noes 34\"", meeting, StringComparison.Ordinal);
        Assert.Contains("event { type: heading  note: \"QUORUM\" }", meeting, StringComparison.Ordinal);
        Assert.Contains("vote {\n    on: \"DIVISION\"\n    for: [alfa, beta, delta]\n    against: [gamma, epsilon, zeta]\n    note: \"AYES: Mr. Alfa, Mr. Beta, Mr. Delta, etc. NOES: Mr. Gamma, Mr. Epsilon, Mr. Zeta, etc.\"\n  }", meeting, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "roster.stmt")), File.ReadAllText(Path.Combine(Import(Example).Folder, "roster.stmt")));

        var exported = Path.Combine(CliRunner.TempFolder(), "akn");
        Assert.Equal(0, CliRunner.Run("export", "--to", "akn", folder, "-o", exported).ExitCode);
        Assert.Empty(Directory.GetFiles(exported).SelectMany(f => ExportStandardsTests.Validate(ExportStandardsTests.AknSchema(), f)));
    }

    [Fact]
    public void Akoma_Ntoso_2_with_a_prefix_old_ids_bare_references_and_speakers_only_in_from()
    {
        var file = Fixture("""
            <?xml version="1.0" encoding="UTF-8"?>
            <an:akomaNtoso xmlns:an="http://www.akomantoso.org/2.0">
              <an:debate>
                <an:meta>
                  <an:identification source="#x"><an:FRBRWork><an:FRBRuri value="/ke/debaterecord/2009-03-04"/><an:FRBRdate date="2009-03-04" name="x"/></an:FRBRWork></an:identification>
                  <an:references source="#x">
                    <an:TLCPerson id="pm" href="/ontology/person/pm" showAs="Rt. Hon. Raila Odinga"/>
                    <an:TLCPerson id="مراد" href="/ontology/person/murad" showAs="مراد"/>
                    <an:TLCPerson id="unknown-1" href="/ontology/person/unknown" showAs="Unknown member"/>
                  </an:references>
                </an:meta>
                <an:debateBody>
                  <an:debateSection id="s1">
                    <an:speech by=" pm "><an:from>The Prime Minister:</an:from><an:p>Thank you.</an:p></an:speech>
                    <an:speech by="مراد"><an:from>مراد</an:from><an:p>شكرا</an:p></an:speech>
                    <an:speech><an:from>An hon. Member:</an:from><an:p>On a point of order!</an:p></an:speech>
                    <an:speech><an:from><an:person refersTo="#pm">Mr. Odinga</an:person>:</an:from><an:p>Named inline.</an:p></an:speech>
                    <an:pointOfOrder by="#unknown-1"><an:from>A Member:</an:from><an:p>Is there a quorum?</an:p></an:pointOfOrder>
                    <an:debateSection id="s2"><an:question by="#pm"><an:p>Why?</an:p></an:question><an:answer as="#minister"><an:from>The Minister</an:from><an:p>Because.</an:p></an:answer></an:debateSection>
                  </an:debateSection>
                </an:debateBody>
              </an:debate>
            </an:akomaNtoso>
            """);
        var (code, _, error, folder) = Import(file);
        Assert.Equal(1, code);
        Assert.Contains("7 speech(es), 2 people", error, StringComparison.Ordinal);
        Assert.Contains("pointOfOrder by=\"unknown-1\" names no person or organization; kept its label without a speaker", error, StringComparison.Ordinal);
        var meeting = File.ReadAllText(Path.Combine(folder, "debaterecord_2009-03-04.stmt"));
        Assert.Contains("by: pm\n    as: \"The Prime Minister\"", meeting, StringComparison.Ordinal);
        Assert.Contains("by: مراد", meeting, StringComparison.Ordinal);
        Assert.Contains("by: pm\n    as: \"Mr. Odinga\"\n    quote: \"Named inline.\"", meeting, StringComparison.Ordinal);
        Assert.Contains("as: \"An hon. Member\"\n    quote: \"On a point of order!\"", meeting, StringComparison.Ordinal);
        Assert.Contains("as: \"The Minister\"\n    note: \"answer\"", meeting, StringComparison.Ordinal);
        Assert.Contains("as: \"A Member\"\n    note: \"pointOfOrder\"\n    quote: \"Is there a quorum?\"", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", File.ReadAllText(Path.Combine(folder, "roster.stmt")), StringComparison.OrdinalIgnoreCase);
        var check = CliRunner.Run("check", folder);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("0 error(s), 3 warning(s)", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sitting_of_800_utterances_mostly_without_speakers_checks_with_capped_warnings_and_no_error()
    {
        var speeches = new System.Text.StringBuilder();
        for (var i = 0; i < 800; i++)
        {
            speeches.Append(i % 10 == 0 ? "<speech by=\"#alfa\"><from>Mr. Alfa:</from>" : "<speech by=\"#speaker\"><from>The Speaker:</from>")
                .Append("<p>Utterance ").Append(i).Append(".</p></speech>\n");
        }

        var file = Fixture($$"""
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate><meta>
            <identification source="#x"><FRBRWork><FRBRuri value="/akn/ke/debaterecord/2011-06-10"/><FRBRdate date="2011-06-10" name="x"/></FRBRWork></identification>
            <references source="#x"><TLCPerson eId="alfa" href="/p/alfa" showAs="Mr. Alfa"/><TLCRole eId="speaker" href="/r/speaker" showAs="Speaker"/></references></meta>
            <debateBody><debateSection eId="s">{{speeches}}</debateSection></debateBody></debate></akomaNtoso>
            """);
        var (code, _, error, folder) = Import(file);
        Assert.Equal(1, code);
        Assert.Contains("… and 670 more", error, StringComparison.Ordinal);
        Assert.Contains("800 speech(es)", error, StringComparison.Ordinal);

        var check = CliRunner.Run("check", folder);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("warning STMT9001: More than 200 diagnostics in this file; 520 more are not reported (0 error(s), 520 warning(s) or less)", check.Output, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 201 warning(s)", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_and_DTDs_are_refused_without_reading_them()
    {
        var secret = Path.Combine(CliRunner.TempFolder(("secret.txt", "do not read")), "secret.txt");
        var file = Fixture($$"""
            <?xml version="1.0"?>
            <!DOCTYPE akomaNtoso [ <!ENTITY xxe SYSTEM "file://{{secret}}"> <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate><debateBody><speech><from>&xxe;&b;</from></speech></debateBody></debate></akomaNtoso>
            """);
        var (code, output, error, folder) = Import(file);
        Assert.Equal(2, code);
        Assert.Contains("not readable as Akoma Ntoso", error, StringComparison.Ordinal);
        Assert.Contains("DTD", error, StringComparison.Ordinal);
        Assert.DoesNotContain("do not read", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Theory]
    [InlineData("akn")]
    [InlineData("tei")]
    [InlineData("popolo")]
    public void An_input_over_the_size_limit_is_refused_unread(string format)
    {
        var file = Path.Combine(CliRunner.TempFolder(), "huge." + (format == "popolo" ? "json" : "xml"));
        using (var stream = File.Create(file))
        {
            stream.SetLength((64L * 1024 * 1024) + 1);
        }

        var output = Path.Combine(CliRunner.TempFolder(), "out");
        var (code, _, error) = CliRunner.Run("import", "--from", format, file, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("is larger than the import limit of 64 MB", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_recorded_time_that_contradicts_the_date_is_kept_and_reported()
    {
        var file = Fixture("""
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate><meta><identification source="#x"><FRBRWork><FRBRuri value="/akn/ke/debaterecord/2011-06-10"/><FRBRdate date="2011-06-10" name="x"/></FRBRWork></identification></meta>
            <debateBody><debateSection eId="a"><p>Adjourned at <recordedTime time="2011-06-12T10:00:00+02:00">10 a.m.</recordedTime></p></debateSection></debateBody></debate></akomaNtoso>
            """);
        var (code, _, error, folder) = Import(file);
        Assert.Equal(1, code);
        Assert.Contains("debate.xml(2,53): recordedTime 2011-06-12T10:00:00+02:00 lies outside the meeting's date 2011-06-10; kept as a note", error, StringComparison.Ordinal);
        Assert.Contains("type: recorded_time", File.ReadAllText(Path.Combine(folder, "debaterecord_2011-06-10.stmt")), StringComparison.Ordinal);
    }
}
