using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using StatementDsl.Tests.Cli;
using Xunit.Abstractions;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>
/// The language server under an editor's load, through the real protocol: 1,000 files, 10,000 edits
/// at typing speed across them (typing into quotes, breaking and mending references), a rename every
/// 1,000 edits applied as an editor applies it, and a file deleted and restored. It must end with
/// the diagnostics <c>stmt check</c> gives for the final files, never fail, and its memory must level off.
/// </summary>
public class SoakTests(ITestOutputHelper output)
{
    private const int Files = 1_000;
    private const int Edits = 10_000;
    private const int People = 100;

    [Fact]
    public async Task Ten_thousand_edits_end_with_the_diagnostics_of_stmt_check_and_memory_that_levels_off()
    {
        var random = new Random(2016);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["roster.stmt"] = Roster() };
        for (var i = 1; i < Files; i++)
        {
            texts[$"meetings/meeting_{i:000}.stmt"] = Meeting(i, random);
        }

        var folder = CliRunner.TempFolder(texts.Select(t => (t.Key, t.Value)).ToArray());
        using var client = new LspClient();
        var initialize = await client.InitializeAsync(folder);
        Assert.NotNull(initialize["result"]);

        var latest = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = texts.Keys.Where(n => n != "roster.stmt").ToArray();
        var samples = new List<long>();
        var renamed = 0;
        (string Name, string Text)? deleted = null;
        for (var edit = 1; edit <= Edits; edit++)
        {
            // An author works in a few files at a time, and moves on every thousand edits.
            var name = names[(((edit - 1) / 1_000) * 37 + random.Next(20)) % names.Length];
            if (edit == 5_000)
            {
                deleted = (name, Delete(client, folder, texts, versions, name));
            }
            else if (edit == 5_500 && deleted is var (deletedName, deletedText))
            {
                Restore(client, folder, texts, deletedName, deletedText);
            }
            else if (edit % 1_000 == 500)
            {
                renamed++;
                await Rename(client, folder, texts, versions, $"person_{renamed}", $"renamed_{renamed}");
            }
            else if (texts.ContainsKey(name))
            {
                Type(client, folder, texts, versions, name, random);
            }

            if (edit % 1_000 == 0)
            {
                client.DrainDiagnostics(latest, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(60));
                samples.Add(client.WorkingSetBytes);
                output.WriteLine($"after {edit} edits: server working set {samples[^1] / 1e6:F0} MB");
            }
            else if (edit % 5 == 0)
            {
                // Typing speed, roughly: a burst of five keystrokes, then a pause.
                Thread.Sleep(3);
            }
        }

        // The last keystroke leaves a reference broken, so that there is something to agree on.
        var last = names.First(texts.ContainsKey);
        Change(client, folder, texts, versions, last, texts[last].IndexOf("by: ", StringComparison.Ordinal) + "by: ".Length, texts[last].IndexOf("by: ", StringComparison.Ordinal) + "by: ".Length, "q");
        Assert.True(client.DrainDiagnostics(latest, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120)), "the server kept publishing");
        Assert.Null(client.ExitCode);

        // What the server says of the final texts is what stmt check says of the same files on disk.
        foreach (var (name, text) in texts)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        var check = CliRunner.Run("check", folder);
        var expected = (check.Output + check.Error).Split('\n').Select(ParseCheckLine).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var published = latest.SelectMany(file => file.Value.Select(d => Describe(file.Key, d!))).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, published);

        // Memory levels off: from the second thousand edits on, the working set grows by less than half.
        var settled = samples[1];
        output.WriteLine($"working set: {string.Join(", ", samples.Select(s => (s / 1e6).ToString("F0", CultureInfo.InvariantCulture)))} MB");
        Assert.True(samples.Max() < settled * 1.5, $"the server's working set grew from {settled / 1e6:F0} MB to {samples.Max() / 1e6:F0} MB");
    }

    private static string Roster()
    {
        var text = new StringBuilder("org council { name: \"مجلس الأمن\"  kind: body }\n");
        for (var p = 0; p < People; p++)
        {
            text.Append("person person_").Append(p).Append(" { name: \"مندوب ").Append(p).Append("\"  name@en: \"Delegate ").Append(p).Append("\" }\n");
        }

        return text.ToString();
    }

    private static string Meeting(int number, Random random)
    {
        var text = new StringBuilder("meeting meeting_").Append(number).Append(" {\n  body: council\n  date: 2016-09-25\n");
        for (var s = 0; s < 3; s++)
        {
            text.Append("  speech speech_").Append(number).Append('_').Append(s).Append(" {\n    by: person_").Append(random.Next(People))
                .Append("\n    quote: \"الحكومة السورية سوف تستعيد\"\n  }\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>One keystroke: a letter typed into a quote, most of the time; else a reference broken or mended.</summary>
    private static void Type(LspClient client, string folder, Dictionary<string, string> texts, Dictionary<string, int> versions, string name, Random random)
    {
        var text = texts[name];
        int offset;
        string inserted;
        var brokenReference = text.IndexOf("by: personx_", StringComparison.Ordinal);
        if (brokenReference >= 0 && random.Next(4) == 0)
        {
            // Mend it: the diagnostic goes away.
            offset = brokenReference + "by: person".Length;
            Change(client, folder, texts, versions, name, offset, offset + 1, string.Empty);
            return;
        }

        if (random.Next(10) == 0 && text.IndexOf("by: person_", StringComparison.Ordinal) is var reference and >= 0)
        {
            // Break it: STMT1003 until it is mended.
            offset = reference + "by: person".Length;
            inserted = "x";
        }
        else
        {
            offset = text.IndexOf("\"\n", random.Next(text.Length / 2), StringComparison.Ordinal) is var quoteEnd and >= 0 ? quoteEnd : text.IndexOf("\"\n", StringComparison.Ordinal);
            inserted = random.Next(3) == 0 ? " " : ((char)('ا' + random.Next(20))).ToString();
        }

        Change(client, folder, texts, versions, name, offset, offset, inserted);
    }

    private static void Change(LspClient client, string folder, Dictionary<string, string> texts, Dictionary<string, int> versions, string name, int start, int end, string newText)
    {
        var uri = Uri(folder, name);
        var text = texts[name];
        if (!versions.ContainsKey(name))
        {
            versions[name] = 1;
            client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "stmt", ["version"] = 1, ["text"] = text } });
        }

        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = ++versions[name] },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = Range(text, start, end), ["text"] = newText }),
        });
        texts[name] = text[..start] + newText + text[end..];
    }

    /// <summary>A rename as an editor applies it: asked of the server, then each file's edits sent back as changes, last edit first.</summary>
    private static async Task Rename(LspClient client, string folder, Dictionary<string, string> texts, Dictionary<string, int> versions, string id, string newId)
    {
        var roster = texts["roster.stmt"];
        var at = roster.IndexOf("person " + id + " ", StringComparison.Ordinal) + "person ".Length;
        var position = Range(roster, at, at)["start"]!;
        var response = await client.RequestAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(folder, "roster.stmt") },
            ["position"] = position.DeepClone(),
            ["newName"] = newId,
        });
        foreach (var (uri, edits) in response["result"]!["changes"]!.AsObject())
        {
            var name = Path.GetRelativePath(folder, new Uri(uri).LocalPath).Replace('\\', '/');
            foreach (var edit in edits!.AsArray().OrderByDescending(e => Offset(texts[name], e!["range"]!["start"]!)))
            {
                var text = texts[name];
                Change(client, folder, texts, versions, name, Offset(text, edit!["range"]!["start"]!), Offset(text, edit["range"]!["end"]!), edit["newText"]!.GetValue<string>());
            }
        }
    }

    /// <summary>A file deleted on disk, as a file watcher reports it; its text is returned for <see cref="Restore"/>.</summary>
    private static string Delete(LspClient client, string folder, Dictionary<string, string> texts, Dictionary<string, int> versions, string name)
    {
        if (versions.Remove(name))
        {
            client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(folder, name) } });
        }

        File.Delete(Path.Combine(folder, name));
        texts.Remove(name, out var text);
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(folder, name), ["type"] = 3 }) });
        return text!;
    }

    private static void Restore(LspClient client, string folder, Dictionary<string, string> texts, string name, string text)
    {
        texts[name] = text;
        File.WriteAllText(Path.Combine(folder, name), text);
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(folder, name), ["type"] = 1 }) });
    }

    private static string Uri(string folder, string name) => new Uri(Path.Combine(folder, name)).AbsoluteUri;

    private static JsonObject Range(string text, int start, int end) => new()
    {
        ["start"] = PositionOf(text, start),
        ["end"] = PositionOf(text, end),
    };

    private static JsonObject PositionOf(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new JsonObject { ["line"] = line, ["character"] = offset - lineStart };
    }

    private static int Offset(string text, JsonNode position)
    {
        var line = position["line"]!.GetValue<int>();
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + position["character"]!.GetValue<int>();
    }

    /// <summary><c>path(line,col): severity ID: message</c> as (uri, 0-based line, 0-based column, id).</summary>
    private static string? ParseCheckLine(string line)
    {
        var open = line.IndexOf("(", StringComparison.Ordinal);
        var close = line.IndexOf("): ", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return null;
        }

        var position = line[(open + 1)..close].Split(',');
        var id = line[(close + 3)..].Split(' ')[1].TrimEnd(':');
        return $"{new Uri(line[..open]).AbsoluteUri} {int.Parse(position[0], CultureInfo.InvariantCulture) - 1}:{int.Parse(position[1], CultureInfo.InvariantCulture) - 1} {id}";
    }

    private static string Describe(string uri, JsonNode diagnostic) =>
        $"{uri} {diagnostic["range"]!["start"]!["line"]}:{diagnostic["range"]!["start"]!["character"]} {diagnostic["code"]}";
}
