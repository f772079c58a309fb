using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests.Language;

/// <summary>The lexical rules of LANGUAGE.md §2.</summary>
public class LexerTests
{
    private static List<Token> Lex(string text, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var file = new SourceFile("t.stmt", text);
        var bag = new DiagnosticBag(file);
        var tokens = new Lexer(file, bag).LexAll();
        diagnostics = bag.Items;
        return tokens;
    }

    private static Token Single(string text)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(2, tokens.Count);
        return tokens[0];
    }

    [Fact]
    public void A_text_block_after_a_longer_one_holds_only_its_own_lines()
    {
        var longer = Single("\"\"\"\n    " + new string('ع', 300) + "\n    second line\n    \"\"\"");
        var shorter = Single("\"\"\"\n  short\n  \"\"\"");

        Assert.Equal(new string('ع', 300) + "\nsecond line", longer.Value);
        Assert.Equal("short", shorter.Value);
    }

    [Fact]
    public void A_tree_stays_whole_when_the_next_file_is_parsed()
    {
        const string first = "person a {\n  name: \"x\"\n  alias: [\"y\", \"z\"]\n}\n";
        var tree = Parser.Parse(new SourceFile("a.stmt", first));
        Parser.Parse(new SourceFile("b.stmt", "meeting m { date: 2016\n  speech s { by: a }\n}\n"));

        Assert.Equal(first, StatementDsl.Language.Formatting.Formatter.Format(tree));
        Assert.Equal("z", ((TokenValueSyntax)((ListValueSyntax)((FieldSyntax)tree.Declarations[0].Members[1]).Value).Items[1]).Token.Value);
    }

    [Fact]
    public void Members_keep_their_order_and_each_is_one_node_on_every_thread()
    {
        var tree = Parser.Parse(new SourceFile("m.stmt",
            "meeting m {\n  date: 2016\n  speech s { by: a\n    quote: \"q\" }\n  title: \"t\"\n  event e { type: walkout }\n}\nperson a { name: \"x\" }\n"));

        static string Describe(MemberSyntax member) => member switch
        {
            FieldSyntax field => field.Name.Text,
            DeclarationSyntax declaration => declaration.KindToken.Text + "(" + string.Join(",", declaration.Members.Select(Describe)) + ")",
            _ => "?",
        };

        Assert.Equal(["meeting(date,speech(by,quote),title,event(type))", "person(name)"], tree.Declarations.Select(Describe));
        var nodes = new MemberSyntax[8][];
        Parallel.For(0, nodes.Length, i => nodes[i] = [.. tree.Declarations, .. tree.Declarations[0].Members, .. ((DeclarationSyntax)tree.Declarations[0].Members[1]).Members]);
        Assert.All(nodes, seen => Assert.Equal(nodes[0], seen, ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void Identifiers_that_are_known_words_and_ids_read_the_same()
    {
        var tokens = Lex("speech by ar x_1 emergency", out _);

        Assert.Equal(["speech", "by", "ar", "x_1", "emergency"], tokens.Take(5).Select(t => (string)t.Value!));
        Assert.Same(Lex("speech", out _)[0].Value, tokens[0].Value);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_trivia()
    {
        var tokens = Lex("\uFEFFperson", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(TokenKind.Identifier, tokens[0].Kind);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_counts_one_line(string newline)
    {
        var text = "person a {" + newline + "  name: \"x" + newline + "}";
        Assert.Equal(new[] { "STMT0002(2,9)" }, TestText.Diagnostics(text));
    }

    [Fact]
    public void Identifiers_compare_after_NFC_normalization()
    {
        var decomposed = "cafe\u0301";
        var composed = "caf\u00E9";
        var compilation = TestText.Compile($"person {decomposed} {{ name: \"x\" }}\nstatement s {{ by: {composed} date: 2016 }}");
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(composed, compilation.EntitiesById[composed].Id);
    }

    [Theory]
    [InlineData("دي_ميستورا")]
    [InlineData("Путин")]
    [InlineData("安理会")]
    [InlineData("a-b_c1")]
    public void Unicode_identifiers_are_legal(string id)
    {
        var token = Single(id);
        Assert.Equal(TokenKind.Identifier, token.Kind);
        Assert.Equal(id, token.Value);
    }

    [Fact]
    public void A_trailing_dash_is_not_part_of_an_identifier()
    {
        var tokens = Lex("abc-", out var diagnostics);
        Assert.Equal("abc", tokens[0].Text);
        Assert.Equal("STMT0001", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"a\\nb\\tc\"", "a\nb\tc")]
    [InlineData("\"\\u{645}\\u{1F600}\"", "\u0645\U0001F600")]
    [InlineData("\"see // not a comment\"", "see // not a comment")]
    public void String_escapes(string literal, string value)
    {
        var token = Single(literal);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"\\u{}\"")]
    [InlineData("\"\\u{1234567}\"")]
    [InlineData("\"\\u{D800}\"")]
    [InlineData("\"\\x\"")]
    public void Invalid_escapes_are_STMT0006(string literal)
    {
        Lex(literal, out var diagnostics);
        Assert.Equal("STMT0006", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Text_blocks_drop_the_closing_lines_indentation_and_keep_quotes_raw()
    {
        var text = "\"\"\"\r\n    قال إن \"الحكومة\" \\n لن\r\n      indented\r\n\r\n    end\r\n    \"\"\"";
        var token = Single(text);
        Assert.Equal(TokenKind.TextBlock, token.Kind);
        Assert.Equal("قال إن \"الحكومة\" \\n لن\n  indented\n\nend", token.Value);
    }

    [Fact]
    public void An_unterminated_text_block_is_STMT0003_at_its_opening()
    {
        Lex("x: \"\"\"\n  text\n", out var diagnostics);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("STMT0003", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.Start.Column);
    }

    [Theory]
    [InlineData("2016", typeof(long), "2016")]
    [InlineData("2016-09", typeof(DateLiteral), "2016-09")]
    [InlineData("2016-09-25", typeof(DateLiteral), "2016-09-25")]
    [InlineData("2016-09-25T10:30", typeof(DateLiteral), "2016-09-25T10:30")]
    [InlineData("2016-09-25T10:30:05Z", typeof(DateLiteral), "2016-09-25T10:30:05Z")]
    [InlineData("2016-09-25T10:30-04:00", typeof(DateLiteral), "2016-09-25T10:30-04:00")]
    [InlineData("10:30", typeof(TimeLiteral), "10:30")]
    [InlineData("23:59:59+03:00", typeof(TimeLiteral), "23:59:59+03:00")]
    public void Dates_times_and_integers(string literal, Type type, string iso)
    {
        var token = Single(literal);
        Assert.IsType(type, token.Value);
        Assert.Equal(iso, token.Value!.ToString());
    }

    [Theory]
    [InlineData("2016-02-30", "STMT1005")]
    [InlineData("2015-02-29", "STMT1005")]
    [InlineData("2016-13", "STMT1005")]
    [InlineData("24:00", "STMT1005")]
    [InlineData("10:61", "STMT1005")]
    [InlineData("2016-09-25T10:30+15:00", "STMT1005")]
    [InlineData("2016-9", "STMT0005")]
    [InlineData("2016-09-25T", "STMT0005")]
    [InlineData("1:30", "STMT0005")]
    [InlineData("12abc", "STMT0005")]
    [InlineData("1234567890123456789", "STMT0005")]
    public void Impossible_and_malformed_literals(string literal, string id)
    {
        Lex(literal, out var diagnostics);
        Assert.Equal(id, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Leap_day_of_a_leap_year_is_fine()
    {
        Assert.Equal("2016-02-29", Single("2016-02-29").Value!.ToString());
    }

    [Fact]
    public void Comments_are_trivia_before_the_next_token()
    {
        var tokens = Lex("// one\nperson // two\n{", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(TriviaKind.Comment, tokens[0].LeadingTrivia[0].Kind);
        Assert.Contains(tokens[1].LeadingTrivia, t => t.Kind == TriviaKind.Comment);
    }

    [Fact]
    public void Balanced_isolates_in_text_are_legal_and_unbalanced_ones_are_STMT1011()
    {
        Lex("\"\u2067مرحبا\u2069 hello\"", out var balanced);
        Assert.Empty(balanced);
        Lex("\"abc \u202E def\"", out var unbalanced);
        Assert.Equal("STMT1011", Assert.Single(unbalanced).Id);
    }

    [Fact]
    public void Exactly_the_twelve_bidi_formatting_characters_are_controls()
    {
        // Embeddings and overrides, isolates, LRM, RLM and ALM (Unicode's Bidi_Control property).
        var controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
        for (var c = char.MinValue; ; c++)
        {
            Assert.True(Bidi.IsControl(c) == controls.Contains(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void Bidi_controls_in_comments_are_STMT1011()
    {
        Lex("// access level \u202E }\u2066// admin\u2069", out var diagnostics);
        Assert.Equal(new[] { "STMT1011", "STMT1011", "STMT1011" }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Special_characters_in_a_text_block_are_reported_where_they_stand_and_ordinary_lines_are_not()
    {
        var text = "\"\"\"\n  plain \U0001F600 and \u2067مرحبا\u2069\n  a\0b\uFFFD\n  lone \uD83D here\n  x \u202E y\n  \"\"\"";
        Lex(text, out var diagnostics);
        Assert.Equal(new[] { "STMT0007(3,4)", "STMT0007(3,6)", "STMT0007(4,8)", "STMT1011(5,5)" }, TestText.Format(diagnostics));
    }

    [Fact]
    public void Replacement_characters_and_nul_are_STMT0007()
    {
        Lex("person \uFFFD a\0", out var diagnostics);
        Assert.Equal(new[] { "STMT0007", "STMT0007" }, diagnostics.Select(d => d.Id));
    }
}
