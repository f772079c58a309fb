using System.Text;
using StatementDsl.Tests.Cli;
using StatementDsl.Tests.Properties;

namespace StatementDsl.Tests.Formatting;

public class FormatterTests
{
    public static TheoryData<string, string> Layouts => new()
    {
        {
            "comments", """
            // file header

            person   a{name:"x"   role : "y"} // after a one-line block
            meeting m {date:2016 // after a field
               // before a speech
                  speech s {by:a
                  quote:"q" // after the last field
                  // at the end of the block
                  }
            } // after the meeting
            // at the end of the file
            """
        },
        {
            "arabic-text-blocks", """"
            statement s {
                  by: a
                  date: 2016-09-25
                quote: """
                     قال إن "الحكومة السورية" لن تتخلى
                       — سطر بمسافة زائدة

                     آخر سطر
                     """
            }
            person a { name: "بشار الجعفري" }
            """"
        },
        {
            "one-line-blocks", """
            org uk { name: "بريطانيا"  name@en: "United Kingdom"  kind: state  country: GB }
            org a_very_long_organization_identifier { name: "A name long enough that the block no longer fits on one line"  kind: ngo }
            person p {
              name: "stays multi-line"  role: "because it was written so"
            }
            meeting m { date: 2016  agenda: ["one","two" ,"three",]  convened_by: [uk] }
            meeting n {
              date: 2016
              agenda: ["a long agenda item that goes on and on", "another long agenda item", "and a third one to pass the width"]
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Tricky_layouts_match_their_golden_files(string name, string text)
    {
        var formatted = FormatterProperties.Format(text);
        GoldenFile.Verify($"Formatting/{name}.stmt", formatted);
        Assert.Equal(formatted, FormatterProperties.Format(formatted));
        Assert.Equal(FormatterProperties.Model(text), FormatterProperties.Model(formatted));
    }

    [Fact]
    public void The_samples_are_already_canonical()
    {
        var (code, output, _) = CliRunner.Run("format", "--check", Path.Combine(TestText.RepositoryRoot, "samples"));
        Assert.Equal(string.Empty, output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Check_names_the_files_that_would_change_writes_nothing_and_exits_1()
    {
        var folder = CliRunner.TempFolder(("messy.stmt", "person a{name:\"x\"}\n"), ("clean.stmt", "person b { name: \"y\" }\n"));
        var (code, output, _) = CliRunner.Run("format", "--check", folder);
        Assert.Equal(1, code);
        Assert.Equal($"would reformat {Path.Combine(folder, "messy.stmt").Replace('\\', '/')}\n", output);
        Assert.Equal("person a{name:\"x\"}\n", File.ReadAllText(Path.Combine(folder, "messy.stmt")));
    }

    [Fact]
    public void Formatting_keeps_CRLF_and_the_byte_order_mark_and_leaves_no_temporary_file()
    {
        var folder = CliRunner.TempFolder();
        var path = Path.Combine(folder, "crlf.stmt");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("person a{name:\"x\"}\r\nperson b{name:\"y\"}\r\n")]);
        Assert.Equal(0, CliRunner.Run("format", path).ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal("person a { name: \"x\" }\r\nperson b { name: \"y\" }\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
        Assert.Equal(0, CliRunner.Run("format", "--check", path).ExitCode);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_reported_and_left_untouched()
    {
        var folder = CliRunner.TempFolder(("broken.stmt", "person a{name:\"x}\n"));
        var (code, _, error) = CliRunner.Run("format", folder);
        Assert.Equal(1, code);
        Assert.Contains("not formatted: it has syntax errors", error, StringComparison.Ordinal);
        Assert.Contains("STMT0002", error, StringComparison.Ordinal);
        Assert.Equal("person a{name:\"x}\n", File.ReadAllText(Path.Combine(folder, "broken.stmt")));
    }

    [Fact]
    public void Semantic_errors_do_not_stop_formatting()
    {
        Assert.Equal("statement s { by: nobody }\n", FormatterProperties.Format("statement s{by:nobody}"));
    }
}
