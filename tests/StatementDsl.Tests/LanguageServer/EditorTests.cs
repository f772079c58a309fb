using StatementDsl.Tests.Cli;
using StatementDsl.Tests.EndToEnd;
using StatementDsl.Testing;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>
/// Real editors against the real server. They need Neovim and npm, which .ci/run installs; on a
/// machine without them they are skipped with the reason, not passed.
/// </summary>
public class EditorTests
{
    [SkippableFact]
    public void Neovim_receives_diagnostics_and_answers_a_definition_request()
    {
        var nvim = TestText.OnPath("nvim");
        Skip.If(nvim is null, "Neovim is not installed (.ci/run installs it with apt-get).");
        var folder = CliRunner.TempFolder(
            ("roster.stmt", "person jaafari { name: \"بشار الجعفري\" }\n"),
            ("talks/meeting.stmt", "meeting m {\n  date: 2016-09-25\n  speech s { by: jaafari  quote: \"q\" }\n  speech t { by: jafari }\n}\n"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var stmt = Path.Combine(TestText.RepositoryRoot, "src", "StatementDsl.Cli", "bin", configuration, "net10.0", "stmt.dll");
        var output = Path.Combine(folder, "nvim-results.txt");
        var script = Path.Combine(folder, "client.lua");
        File.WriteAllText(script, """
            -- Neovim 0.7's built-in client: start the server, open a file, wait for diagnostics, ask for a definition.
            local root, results = vim.env.STMT_ROOT, {}
            local client_id = vim.lsp.start_client({
              name = "stmt",
              cmd = { "dotnet", vim.env.STMT_DLL, "lsp" },
              root_dir = root,
              workspace_folders = { { uri = vim.uri_from_fname(root), name = "workspace" } },
              handlers = {
                ["textDocument/publishDiagnostics"] = function(_, result)
                  if result.uri:match("meeting%.stmt$") and #result.diagnostics > 0 then
                    local d = result.diagnostics[1]
                    results.diagnostic = d.code .. " " .. d.range.start.line .. ":" .. d.range.start.character
                  end
                end,
              },
            })
            vim.cmd("edit " .. root .. "/talks/meeting.stmt")
            vim.lsp.buf_attach_client(0, client_id)
            vim.wait(30000, function() return results.diagnostic ~= nil end, 100)
            local client = vim.lsp.get_client_by_id(client_id)
            local response = client.request_sync("textDocument/definition",
              { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 2, character = 19 } }, 30000, 0)
            local location = response and response.result and (response.result[1] or response.result)
            if location and location.uri then
              results.definition = vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ":t") .. " " .. location.range.start.line .. ":" .. location.range.start.character
            end
            -- Completion after a partly typed id offers the ids it starts, not field names.
            local completion = client.request_sync("textDocument/completion",
              { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 3, character = 19 } }, 30000, 0)
            local items = completion and completion.result and (completion.result.items or completion.result) or {}
            local labels = {}
            for _, item in ipairs(items) do table.insert(labels, item.label) end
            results.completion = table.concat(labels, ",")
            -- A rename to an id already taken is refused with an error the editor shows.
            local rename = client.request_sync("textDocument/rename",
              { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 2, character = 19 }, newName = "m" }, 30000, 0)
            results.rename = rename and rename.err and rename.err.message or "accepted"
            local file = io.open(vim.env.STMT_OUT, "w")
            file:write((results.diagnostic or "none") .. "\n" .. (results.definition or "none") .. "\n"
              .. (results.completion or "none") .. "\n" .. results.rename .. "\n")
            file:close()
            client.stop()
            vim.cmd("qa!")
            """);
        var (code, log) = ProcessRunner.Run(nvim!, $"--headless --clean -u NONE -c \"luafile {script}\"", folder,
            new Dictionary<string, string> { ["STMT_ROOT"] = folder, ["STMT_DLL"] = stmt, ["STMT_OUT"] = output }, timeoutSeconds: 120);
        Assert.True(File.Exists(output), $"Neovim wrote no results (exit {code}):\n{log}");
        var lines = File.ReadAllLines(output);
        Assert.Equal(new[] { "STMT1003 3:17", "roster.stmt 0:7", "jaafari" }, lines[..3]);
        Assert.Contains("'m'", lines[3], StringComparison.Ordinal);
        Assert.Contains("STMT1004", lines[3], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_extension_packages_into_a_vsix_with_a_valid_manifest()
    {
        var npm = TestText.OnPath("npm");
        Skip.If(npm is null, "npm is not installed; the extension is packaged with @vscode/vsce from npm.");
        var extension = Path.Combine(TestText.RepositoryRoot, "editors", "vscode");
        InstallPackages(npm!, extension);
        var vsix = Path.Combine(extension, "statementdsl.vsix");
        File.Delete(vsix);
        var (code, output) = ProcessRunner.Run(npm!, "run package", extension);
        Assert.True(code == 0 && File.Exists(vsix), output);

        using var archive = System.IO.Compression.ZipFile.OpenRead(vsix);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("extension.vsixmanifest", entries);
        using var manifestStream = archive.GetEntry("extension/package.json")!.Open();
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(manifestStream)!;
        Assert.Contains("extension/" + manifest["main"]!.GetValue<string>().TrimStart('.', '/'), entries);
        Assert.Equal("statementdsl.restartServer", manifest["contributes"]!["commands"]![0]!["command"]!.GetValue<string>());
        Assert.Contains("extension/" + manifest["contributes"]!["snippets"]![0]!["path"]!.GetValue<string>().TrimStart('.', '/'), entries);
        Assert.Contains("extension/" + manifest["contributes"]!["grammars"]![0]!["path"]!.GetValue<string>().TrimStart('.', '/'), entries);
        Assert.Contains("extension/server.js", entries);
        Assert.Contains("extension/LICENSE.txt", entries);
        Assert.Contains("extension/readme.md", entries.Select(e => e.ToLowerInvariant()));
        Assert.Contains(entries, e => e.StartsWith("extension/node_modules/vscode-languageclient/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("extension/tests/", StringComparison.Ordinal) || e.Contains("/@vscode/vsce/", StringComparison.Ordinal));
        using var snippets = archive.GetEntry("extension/snippets/stmt.json")!.Open();
        var kinds = System.Text.Json.Nodes.JsonNode.Parse(snippets)!.AsObject().Select(s => s.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["event", "meeting", "membership", "org", "person", "speech", "statement", "transcript", "vote", "walkout"], kinds);
    }

    private static void InstallPackages(string npm, string extension)
    {
        if (!Directory.Exists(Path.Combine(extension, "node_modules", "@vscode", "vsce")) || !Directory.Exists(Path.Combine(extension, "node_modules", "vscode-tmgrammar-test")))
        {
            var install = ProcessRunner.Run(npm, "ci --ignore-scripts --no-audit --no-fund", extension);
            Assert.True(install.ExitCode == 0, install.Output);
        }
    }

    [SkippableFact]
    public void The_TextMate_grammar_passes_its_scope_tests()
    {
        var npm = TestText.OnPath("npm");
        Skip.If(npm is null, "npm is not installed; the grammar is tested with vscode-tmgrammar-test from npm.");
        var extension = Path.Combine(TestText.RepositoryRoot, "editors", "vscode");
        InstallPackages(npm!, extension);
        var (code, output) = ProcessRunner.Run(npm!, "test", extension);
        Assert.True(code == 0, output);
        Assert.Contains("grammar.test.stmt run successfuly", output, StringComparison.Ordinal);
        Assert.Contains("# pass 4", output, StringComparison.Ordinal);
    }
}
