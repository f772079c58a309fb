using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Language;

/// <summary>Memberships (LANGUAGE.md §4, §5 STMT1015/STMT1016, §7) in the front end, the generated records and the validators.</summary>
public class MembershipTests
{
    private const string Roster = """
        org un { name: "United Nations" }
        org security_council { name: "UN Security Council"  parent: un }
        org uk { name: "United Kingdom" }
        person rycroft {
          name: "Matthew Rycroft"
          membership rycroft_un { org: uk  role: "Permanent Representative"  from: 2015-04  until: 2018-01 }
          membership rycroft_deputy { org: uk  role: "Deputy"  from: 2016-09-25  until: 2016-09-25 }
        }
        person de_mistura { name: "Staffan de Mistura" }
        """;

    private const string Meetings = """
        membership envoy { person: de_mistura  org: security_council  role: "Special Envoy"  from: 2014-07  until: 2018-12 }
        meeting m { date: 2016-09-25
          speech s1 { by: rycroft  on_behalf_of: uk }
          speech s2 { by: de_mistura  on_behalf_of: un }
        }
        statement later { by: rycroft  date: 2019-03-01  on_behalf_of: uk }
        """;

    [Fact]
    public void Nested_and_top_level_memberships_across_files_bind()
    {
        var compilation = TestText.Compile(("roster.stmt", Roster), ("sessions.stmt", Meetings));
        Assert.Equal(new[] { "sessions.stmt: STMT1016(6,64)" }, compilation.Diagnostics.Select(d => $"{d.Location.Path}: {d.Id}({d.Location.Start.Line},{d.Location.Start.Column})"));
        var nested = compilation.EntitiesById["rycroft_un"];
        Assert.Equal("rycroft", ((StatementDsl.Language.Semantics.ReferenceValue)nested.Field("person")?.Value!).Id);
    }

    [Fact]
    public void STMT1016_names_the_memberships_it_looked_at()
    {
        var diagnostic = Assert.Single(TestText.Compile(("roster.stmt", Roster), ("sessions.stmt", Meetings)).Diagnostics);
        Assert.Equal(
            "Statement 'later' is on behalf of 'uk' on 2019-03-01, but no membership of 'rycroft' in 'uk' (or an org under it) covers that date; its memberships: uk (2015-04 – 2018-01), uk (2016-09-25 – 2016-09-25)",
            diagnostic.Message);
    }

    [Theory]
    [InlineData("membership x { person: p  org: o  from: 2016-09  until: 2016-08 }", "STMT1015(1,57)")]
    [InlineData("membership x { person: p  org: o  from: 2016-09-25T10:00Z  until: 2016-09-25T09:00Z }", "STMT1015(1,67)")]
    [InlineData("membership x { person: p  org: o  from: 2016-09  until: 2016-09 }", null)]
    [InlineData("membership x { person: p  org: o  from: 2016-09-25T10:00+03:00  until: 2016-09-25T08:00Z }", null)]
    [InlineData("membership x { org: o }", "STMT1010(1,12)")]
    [InlineData("meeting m { date: 2016  membership x { person: p  org: o } }", "STMT1014(1,25)")]
    public void Membership_rules_report_at_the_right_place(string membership, string? expected)
    {
        var text = "person p { name: \"p\" }\norg o { name: \"o\" }\n" + membership;
        var diagnostics = TestText.Format(TestText.Compile(text).Diagnostics).Select(d => d.Replace("(3,", "(1,", StringComparison.Ordinal));
        Assert.Equal(expected is null ? [] : new[] { expected }, diagnostics);
    }

    [Theory]
    [InlineData("2016", true)]
    [InlineData("2015-04", true)]
    [InlineData("2015-03-31T23:59", false)]
    [InlineData("2018-01-31T23:59:59+03:00", true)]
    [InlineData("2018-02-01", false)]
    public void Covers_follows_the_spans(string date, bool covered)
    {
        var compilation = TestText.Compile(Roster + "\nstatement s { by: rycroft  date: " + date + "  on_behalf_of: uk }");
        Assert.Equal(covered ? 0 : 1, compilation.Diagnostics.Count(d => d.Id == "STMT1016"));
    }

    [Fact]
    public void A_speaker_without_memberships_or_an_org_parent_chain_leading_there_raises_nothing()
    {
        var text = Roster + """

            membership envoy { person: de_mistura  org: security_council  from: 2014 }
            statement s { by: de_mistura  date: 2016  on_behalf_of: un }
            org a { name: "a"  parent: b }
            org b { name: "b"  parent: a }
            person nobody { name: "n" }
            statement t { by: nobody  date: 2016  on_behalf_of: a }
            """;
        Assert.Empty(TestText.Compile(text).Diagnostics);
    }

    [Fact]
    public void Generated_records_give_memberships_ordered_and_the_post_held_that_day()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.File("roster.stmt", Roster), GeneratorHarness.File("sessions.stmt", Meetings));
        var rycroft = (Person)GeneratorHarness.Property(assembly, "Roster", "Rycroft")!;
        Assert.Equal(new[] { "rycroft_un", "rycroft_deputy" }, rycroft.Memberships.Select(m => m.Id));
        Assert.Same(rycroft, rycroft.Memberships[0].Person);
        Assert.Equal("Permanent Representative", rycroft.Memberships[0].Role);
        Assert.Equal(new PartialDate(2018, 1), rycroft.Memberships[0].Until);
        Assert.Equal(2, rycroft.MembershipsOn(new PartialDate(2016, 9, 25)).Count);
        Assert.Single(rycroft.MembershipsOn(PartialDate.Parse("2016-09-26T10:00Z")));

        var s1 = (Speech)GeneratorHarness.Property(assembly, "Sessions", "S1")!;
        Assert.Equal("rycroft_deputy", s1.SpeakerMembership!.Id);
        Assert.Same(GeneratorHarness.Property(assembly, "Roster", "Uk"), s1.OnBehalfOf);
        var s2 = (Speech)GeneratorHarness.Property(assembly, "Sessions", "S2")!;
        Assert.Equal("envoy", s2.SpeakerMembership!.Id);
        var deMistura = (Person)GeneratorHarness.Property(assembly, "Roster", "DeMistura")!;
        Assert.Equal("envoy", Assert.Single(deMistura.Memberships).Id);
        var later = (Statement)GeneratorHarness.Property(assembly, "Sessions", "Later")!;
        Assert.Null(later.SpeakerMembership);

        var catalog = StatementCatalog.Of(assembly);
        Assert.Equal(new[] { "rycroft_un", "rycroft_deputy", "envoy" }, catalog.Memberships.Select(m => m.Id));
        var memberships = (IReadOnlyList<Membership>)assembly.GetType("Sample.Roster")!.GetProperty("Memberships")!.GetValue(null)!;
        Assert.Equal(2, memberships.Count);

        var problems = StatementValidator.Validate(new object[] { catalog.Meetings, catalog.Statements, catalog.People });
        Assert.Equal(new[] { "STMT1016" }, problems.Select(p => p.Id));
        Assert.Equal("sessions.stmt", problems[0].Origin!.Path);
    }

    [Fact]
    public void Validators_run_both_rules_on_records_built_in_CSharp()
    {
        var uk = new Organization { Id = "uk", Names = [new LocalizedText("United Kingdom")] };
        var swapped = new Membership { Id = "m", Organization = uk, From = new PartialDate(2018, 1), Until = new PartialDate(2015, 4) };
        var person = new Person { Id = "rycroft", Names = [new LocalizedText("Matthew Rycroft")], Memberships = [swapped] };
        var statement = new Statement { Id = "s", Speaker = person, Date = new PartialDate(2016, 9, 25), OnBehalfOf = uk };
        Assert.Equal(new[] { "STMT1016", "STMT1010", "STMT1015" }, StatementValidator.Validate(new object[] { statement, person }).Select(p => p.Id));

        var held = new Membership { Id = "held", Person = person, Organization = uk, From = new PartialDate(2015, 4) };
        var holder = new Person { Id = "r", Names = [new LocalizedText("R")], Memberships = [held] };
        var covered = new Statement { Id = "c", Speaker = holder, Date = PartialDate.Parse("2016-09-25T15:00Z"), OnBehalfOf = uk };
        Assert.Empty(StatementValidator.Validate(covered));
        Assert.Same(held, covered.SpeakerMembership);
        Assert.True(held.Covers(new PartialDate(2016)));
    }
}
