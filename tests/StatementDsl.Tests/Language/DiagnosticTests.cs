namespace StatementDsl.Tests.Language;

/// <summary>Every diagnostic id of LANGUAGE.md §5, at its exact line and column.</summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("person a { name: \"x\" # }", "STMT0001(1,22)")]
    [InlineData("person a {\n  name: \"x\n}", "STMT0002(2,9)")]
    [InlineData("person a {\n  name: \"\"\"\n    never closed\n}", "STMT0003(2,9)")]
    [InlineData("person a {\n  name \"x\"\n}", "STMT0004(2,7)")]
    [InlineData("meeting m {\n  date: 2016-9-25\n}", "STMT0005(2,9)")]
    [InlineData("person a { name: \"a\\qb\" }", "STMT0006(1,20)")]
    [InlineData("person a { name: \"a\0b\" }", "STMT0007(1,20)")]
    [InlineData("person a { name: \"x\" }\nstatement s {\n  date: 2016\n}", "STMT1001(2,11)")]
    [InlineData("person a { name: \"x\" }\nstatement s { by: a }", "STMT1002(2,11)")]
    [InlineData("person jaafari { name: \"x\" }\nstatement s { by: jafari date: 2016 }", "STMT1003(2,19)")]
    [InlineData("person a { name: \"x\" }\nperson a { name: \"y\" }", "STMT1004(2,8)")]
    [InlineData("meeting m {\n  date: 2016-02-30\n}", "STMT1005(2,9)")]
    [InlineData("person a { name: \"x\" }\nmeeting m { date: 2016\n  walkout { by: [a] during: a }\n}", "STMT1006(3,29)")]
    [InlineData("person a { name: \"x\"  colour: \"red\" }", "STMT1007(1,23)")]
    [InlineData("meeting m { date: \"yesterday\" }", "STMT1008(1,19)")]
    [InlineData("person a { name: \"x\" }\nmeeting m { date: 2016-09-25\n  speech s { by: a date: 2016-09-26 }\n}", "STMT1009(3,26)")]
    [InlineData("person a { role: \"x\" }", "STMT1010(1,8)")]
    [InlineData("person a { name: \"x\" } \u202E", "STMT1011(1,24)")]
    [InlineData("person a_b { name: \"x\" }\nperson a-b { name: \"y\" }", "STMT1012(2,8)")]
    [InlineData("person a { name: \"x\"\n  name: \"y\" }", "STMT1013(2,3)")]
    [InlineData("person a { name: \"x\" }\nspeech s { by: a date: 2016 }", "STMT1014(2,1)")]
    public void Each_id_is_reported_once_at_its_place(string text, string expected)
    {
        Assert.Equal(new[] { expected }, TestText.Diagnostics(text));
    }

    [Fact]
    public void Limit_on_nesting_is_STMT9001_not_a_crash()
    {
        var text = string.Concat(Enumerable.Repeat("meeting m {", 100)) + string.Concat(Enumerable.Repeat("}", 100));
        var diagnostics = TestText.Diagnostics(text);
        Assert.Contains("STMT9001(1,705)", diagnostics);
    }

    [Fact]
    public void Unknown_reference_suggests_the_nearest_id_of_the_right_kind()
    {
        var diagnostic = TestText.Single("person jaafari { name: \"x\" }\norg jaafaro { name: \"y\" }\nstatement s { by: jafari date: 2016 }", "STMT1003");
        Assert.Equal("Unknown reference 'jafari'; did you mean 'jaafari'?", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_id_names_the_first_declaration_and_carries_it_as_related()
    {
        var compilation = TestText.Compile(("a.stmt", "person x { name: \"1\" }"), ("b.stmt", "\n\norg x { name: \"2\" }"));
        var duplicate = Assert.Single(compilation.Diagnostics);
        Assert.Equal("b.stmt", duplicate.Location.Path);
        Assert.Equal((3, 5), (duplicate.Location.Start.Line, duplicate.Location.Start.Column));
        Assert.Equal("Duplicate id 'x': first declared at a.stmt(1,8)", duplicate.Message);
        Assert.Equal("a.stmt", duplicate.RelatedLocation!.Path);
    }

    [Fact]
    public void Missing_date_of_a_speech_is_reported_when_its_meeting_has_none()
    {
        var diagnostics = TestText.Diagnostics("person a { name: \"x\" }\nmeeting m {\n  speech s { by: a }\n}");
        Assert.Equal(new[] { "STMT1002(2,9)", "STMT1002(3,10)" }, diagnostics);
    }

    [Fact]
    public void A_speech_takes_its_meetings_date_and_partial_dates_contain_days()
    {
        var compilation = TestText.Compile("person a { name: \"x\" }\nmeeting m { date: 2016-09\n  speech s { by: a }\n  speech t { by: a date: 2016-09-25 }\n}");
        Assert.Empty(compilation.Diagnostics);
        var speech = compilation.EntitiesById["s"];
        Assert.Equal("2016-09", speech.EffectiveDate!.ToString());
    }

    [Fact]
    public void Wrong_kind_message_says_what_the_field_takes()
    {
        var diagnostic = TestText.Single("person a { name: \"x\" }\nmeeting m { date: 2016\n  walkout { by: [a] during: a }\n}", "STMT1006");
        Assert.Equal("'during' refers to 'a', a person; 'during' takes the id of a speech", diagnostic.Message);
    }

    [Fact]
    public void Enum_values_are_checked_with_a_suggestion()
    {
        var diagnostic = TestText.Single("person a { name: \"x\" }\nstatement s { by: a date: 2016 via: socialmedia }", "STMT1008");
        Assert.Contains("did you mean 'social_media'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_name_clash_across_files_is_STMT1012()
    {
        var compilation = TestText.Compile(("a/x.stmt", "person p { name: \"1\" }"), ("b/x.stmt", "person q { name: \"2\" }"));
        var clash = Assert.Single(compilation.Diagnostics);
        Assert.Equal("STMT1012", clash.Id);
        Assert.Equal("b/x.stmt", clash.Location.Path);
    }

    [Fact]
    public void An_id_may_not_take_a_generated_member_name()
    {
        Assert.Equal(new[] { "STMT1012(1,8)" }, TestText.Diagnostics("person people { name: \"x\" }"));
    }

    [Fact]
    public void Every_rule_has_a_doc_page()
    {
        foreach (var rule in StatementDsl.Language.Diagnostics.Rules.All)
        {
            Assert.True(File.Exists(Path.Combine(TestText.RepositoryRoot, "docs", "diagnostics", rule.Id + ".md")), rule.Id);
        }
    }
}
