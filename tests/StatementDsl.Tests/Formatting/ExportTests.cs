using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using StatementDsl.Tests.Cli;
using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Formatting;

public class ExportTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(TestText.RepositoryRoot, "docs", "export.schema.json"));

    private static JsonNode Export(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["export", "--to", "json", .. args]);
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!;
    }

    internal static void AssertValid(JsonNode document)
    {
        var result = Schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void The_Aleppo_export_matches_the_schema()
    {
        var document = Export(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo"));
        AssertValid(document);
        var meeting = document["meetings"]![0]!;
        Assert.Equal("emergency", meeting["meeting_kind"]!.GetValue<string>());
        Assert.Equal(new[] { "uk", "france", "usa" }, meeting["convened_by"]!.AsArray().Select(n => n!.GetValue<string>()));
        var speech = meeting["speeches"]![1]!;
        Assert.Equal("jaafari", speech["by"]!.GetValue<string>());
        Assert.Equal("2016-09-25", speech["date"]!.GetValue<string>());
        Assert.True(speech["date_inherited"]!.GetValue<bool>());
        Assert.Equal("ar", speech["passages"]![0]!["language"]!.GetValue<string>());
        Assert.Equal("jaafari_speech", meeting["events"]![0]!["during"]!.GetValue<string>());
        Assert.EndsWith("aleppo-2016-09-25.stmt", speech["origin"]!["path"]!.GetValue<string>(), StringComparison.Ordinal);
        var membership = document["memberships"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "rycroft_ambassador")!;
        Assert.Equal(("rycroft", "uk", "2015-04", "2018-01"), (membership["person"]!.GetValue<string>(), membership["org"]!.GetValue<string>(),
            membership["from"]!.GetValue<string>(), membership["until"]!.GetValue<string>()));
        Assert.Equal("syria", speech["on_behalf_of"]!.GetValue<string>());
    }

    [Fact]
    public void Every_field_of_every_kind_round_trips()
    {
        var folder = CliRunner.TempFolder(("tricky.stmt", GeneratorOutputTests.Tricky));
        var document = Export(folder);
        AssertValid(document);
        var compilation = TestText.Compile(("tricky.stmt", GeneratorOutputTests.Tricky));
        var records = document["people"]!.AsArray().Concat(document["organizations"]!.AsArray()).Concat(document["statements"]!.AsArray())
            .Concat(document["meetings"]!.AsArray()).Concat(document["meetings"]!.AsArray().SelectMany(m => m!["speeches"]!.AsArray().Concat(m["events"]!.AsArray())))
            .Append(document["files"]![0]!["transcript"])
            .ToList();
        foreach (var entity in compilation.Files[0].Entities)
        {
            var record = records.Single(r => r!["origin"]!["line"]!.GetValue<int>() == entity.Origin.Start.Line && r["kind"]!.GetValue<string>() == StatementDsl.Language.Semantics.DeclarationKinds.Keyword(entity.Kind))!;
            foreach (var field in entity.Fields)
            {
                var exported = field.Name switch
                {
                    "name" => record["names"]!.AsArray().Any(n => n!["language"]?.GetValue<string>() == field.Language),
                    "alias" => record["aliases"]!.AsArray().Count > 0,
                    "quote" or "paraphrase" or "note" when record["passages"] is JsonArray passages => passages.Any(p => p!["kind"]!.GetValue<string>() == field.Name),
                    "kind" => record[StatementDsl.Language.Semantics.DeclarationKinds.Keyword(entity.Kind) + "_kind"] is not null,
                    _ => field.Language is null ? record[field.Name] is not null : record["localized"]!.AsArray().Any(l => l!["field"]!.GetValue<string>() == field.Name),
                };
                Assert.True(exported, $"{entity.Describe()}: {field.Name} is missing from the export");
            }
        }
    }

    [Fact]
    public void Output_file_and_usage_errors()
    {
        var folder = CliRunner.TempFolder(("a.stmt", "person p { name: \"x\" }\n"));
        var target = Path.Combine(folder, "out.json");
        Assert.Equal(0, CliRunner.Run("export", "--to", "json", "-o", target, Path.Combine(folder, "a.stmt")).ExitCode);
        Assert.Equal("p", JsonNode.Parse(File.ReadAllText(target))!["people"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, CliRunner.Run("export", "--to", "xml", folder).ExitCode);
        Assert.Equal(2, CliRunner.Run("export", folder).ExitCode);
    }

    [Fact]
    public void An_export_never_overwrites_a_file_it_reads()
    {
        var folder = CliRunner.TempFolder(("a.stmt", "person p { name: \"x\" }\n"));
        var input = Path.Combine(folder, "a.stmt");
        var (code, _, error) = CliRunner.Run("export", "--to", "json", "-o", Path.Combine(folder, ".", "a.stmt"), folder);
        Assert.Equal(2, code);
        Assert.Contains("Refusing to write", error, StringComparison.Ordinal);
        Assert.Equal("person p { name: \"x\" }\n", File.ReadAllText(input));
    }

    [Fact]
    public void Nothing_is_exported_from_files_with_errors_unless_forced()
    {
        var folder = CliRunner.TempFolder(("a.stmt", "person p { name: \"x\" }\nstatement s { by: nobody  date: 2016 }\n"));
        var target = Path.Combine(folder, "out.json");
        var (code, _, error) = CliRunner.Run("export", "--to", "json", "-o", target, folder);
        Assert.Equal(1, code);
        Assert.Contains("nothing exported: 1 error(s)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        Assert.Equal(1, CliRunner.Run("export", "--to", "json", "--force", "-o", target, folder).ExitCode);
        Assert.Equal("p", JsonNode.Parse(File.ReadAllText(target))!["people"]![0]!["id"]!.GetValue<string>());
    }
}
