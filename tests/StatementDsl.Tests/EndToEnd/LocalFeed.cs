using StatementDsl.Testing;

namespace StatementDsl.Tests.EndToEnd;

/// <summary>
/// The package packed once per test run into a folder of its own, and what a consumer project needs
/// to restore it from there: a nuget.config and a packages folder apart from the machine's.
/// </summary>
internal static class LocalFeed
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var pack = ProcessRunner.Run("dotnet", $"pack \"{Path.Combine(TestText.RepositoryRoot, "src", "StatementDsl")}\" -c Release -o \"{feed}\"", TestText.RepositoryRoot);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "StatementDsl.0.1.0.nupkg")), pack.Output);
        return root;
    });

    /// <summary>Builds and runs see this packages folder, so that the package restored is the one packed here.</summary>
    public static Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = Path.Combine(Root.Value, "packages") };

    /// <summary>A new folder for a consumer project, with a nuget.config that finds the packed package first.</summary>
    public static string NewProjectFolder(string relativePath)
    {
        var folder = Path.Combine(Root.Value, Guid.NewGuid().ToString("N"), relativePath);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.Combine(Root.Value, "feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }
}
