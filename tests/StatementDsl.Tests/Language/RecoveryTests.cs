using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests.Language;

public class RecoveryTests
{
    [Fact]
    public void Two_separate_mistakes_give_exactly_two_diagnostics()
    {
        var text = "person a {\n  name \"x\"\n}\nperson b {\n  name: \"y\"\n  role: 2016-13\n}\nperson c { name: \"z\" }";
        Assert.Equal(new[] { "STMT0004(2,7)", "STMT1005(6,9)" }, TestText.Diagnostics(text));
    }

    [Fact]
    public void A_missing_close_brace_does_not_swallow_the_next_declaration()
    {
        var compilation = TestText.Compile("person a {\n  name: \"x\"\n\nperson b { name: \"y\" }\n");
        Assert.Equal(new[] { "STMT0004(2,12)" }, TestText.Format(compilation.Diagnostics));
        Assert.Equal(new[] { "a", "b" }, compilation.Files[0].Entities.Select(e => e.Id));
    }

    [Fact]
    public void Missing_close_brace_message_says_what_was_expected()
    {
        var diagnostic = TestText.Single("person a {\n  name: \"x\"\n\nperson b { name: \"y\" }\n", "STMT0004");
        Assert.Equal("Expected '}' to close 'person a' (line 1), found 'person'", diagnostic.Message);
    }

    [Fact]
    public void Missing_comma_in_a_list_is_one_diagnostic_and_both_items_bind()
    {
        var compilation = TestText.Compile("org a { name: \"x\" }\norg b { name: \"y\" }\nmeeting m { date: 2016 convened_by: [a b] }");
        Assert.Equal(new[] { "STMT0004(3,39)" }, TestText.Format(compilation.Diagnostics));
        Assert.Equal(2, ((StatementDsl.Language.Semantics.ListValue)compilation.EntitiesById["m"].Field("convened_by")?.Value!).Items.Count);
    }

    [Fact]
    public void A_parse_for_binding_reports_what_a_full_parse_does_and_keeps_no_trivia()
    {
        var file = new SourceFile("t.stmt", "// roster\nperson a {\n  name \"x\" # \u202E\n}\nperson b { name: \"y\" role: [1 }\n\"\"\"\n  open");
        var full = Parser.Parse(file);
        var forBinding = Parser.ParseForBinding(file, CancellationToken.None);

        Assert.NotEmpty(full.Declarations[0].KindToken.LeadingTrivia);
        Assert.Equal(TestText.Format(full.Diagnostics), TestText.Format(forBinding.Diagnostics));
        Assert.Equal(full.Declarations.Select(d => d.NameSpan), forBinding.Declarations.Select(d => d.NameSpan));
        Assert.Empty(forBinding.Declarations[0].KindToken.LeadingTrivia);
    }

    [Fact]
    public void Garbage_between_declarations_is_skipped_with_one_diagnostic()
    {
        var compilation = TestText.Compile("person a { name: \"x\" }\n### ??? ###\nperson b { name: \"y\" }");
        Assert.Equal(new[] { "STMT0001(2,1)" }, TestText.Format(compilation.Diagnostics));
        Assert.Equal(2, compilation.Files[0].Entities.Count);
    }

    [Fact]
    public void A_missing_value_is_reported_after_the_colon_and_the_next_field_still_binds()
    {
        var compilation = TestText.Compile("person a {\n  role:\n  name: \"x\"\n}");
        Assert.Equal(new[] { "STMT0004(2,8)" }, TestText.Format(compilation.Diagnostics));
        Assert.NotNull(compilation.EntitiesById["a"].Field("name"));
    }

    [Fact]
    public void Skipped_text_is_kept_as_trivia_so_nothing_is_lost()
    {
        var file = Parser.Parse(new SourceFile("t.stmt", "person a { name: \"x\" }\n###\n"));
        Assert.Contains(file.EndOfFile.LeadingTrivia, t => t.Kind == TriviaKind.Skipped && t.Span == new TextSpan(23, 3));
        Assert.Equal("###", file.Source.Text.Substring(23, 3));
    }

    /// <summary>Each recovery path of the parser: one mistake, exactly one diagnostic, and the declarations after it still bind.</summary>
    [Theory]
    [InlineData("person a { name: \"x }\nperson b { name: \"y\" }", "STMT0002(1,18)")]
    [InlineData("person a { name: \"x\"  role: \"1 ] of 2 ]}\nperson b { name: \"y\" }", "STMT0002(1,29)")]
    [InlineData("org o { name: \"o\" }\nmeeting m { date: 2016  agenda: [\"a\", \"b ]}\nperson b { name: \"y\" }", "STMT0002(2,39)")]
    [InlineData("person a {\n  name: \"x\n}\nperson b { name: \"y\" }", "STMT0002(2,9)")]
    [InlineData("org o { name: \"o\" }\nmeeting m { date: 2016  agenda: [\"a\", \"b }\nperson b { name: \"y\" }", "STMT0002(2,39)")]
    [InlineData("person b { name: \"y\" }\nmeeting m { date: 2016\n  speech s { by: b  quote: \"\"\"\n    never closed\n  }\n}", "STMT0003(3,28)")]
    [InlineData("org o { name: \"o\" }\nmeeting m { date: 2016  convened_by: [o\n}\nperson b { name: \"y\" }", "STMT0004(2,40)")]
    [InlineData("person a { name: : \"x\" }\nperson b { name: \"y\" }", "STMT0004(1,18)")]
    [InlineData("person a { : \"x\" }\nperson b { name: \"y\" }", "STMT0004(1,12)")]
    [InlineData("person a { name \"x\" }\nperson b { name: \"y\" }", "STMT0004(1,16)")]
    public void One_mistake_gives_exactly_one_diagnostic(string text, string expected)
    {
        var compilation = TestText.Compile(text);
        Assert.Equal(new[] { expected }, TestText.Format(compilation.Diagnostics));
        Assert.Contains(compilation.Files[0].Entities, e => e.Id == "b");
    }

    [Fact]
    public void An_unterminated_string_keeps_its_text_but_not_the_closing_brace()
    {
        var compilation = TestText.Compile("person a { name: \"x  }\nperson b { name: \"y\" }");
        var name = (StatementDsl.Language.Semantics.TextValue)compilation.EntitiesById["a"].Field("name")?.Value!;
        Assert.Equal("x  ", name.Text);
        var role = TestText.Compile("person a { name: \"x\"  role: \"y ]}\nperson b { name: \"y\" }").EntitiesById["a"].Field("role")?.Value!;
        Assert.Equal("y ]", ((StatementDsl.Language.Semantics.TextValue)role).Text);
        Assert.Equal(new[] { "a", "b" }, compilation.Files[0].Entities.Select(e => e.Id));
    }
}
