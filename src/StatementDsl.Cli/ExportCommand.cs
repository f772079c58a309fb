using StatementDsl.Cli.Interop;

namespace StatementDsl.Cli;

/// <summary>
/// <c>stmt export --to json|akn|tei|popolo [--force] [-o FILE|DIR] PATH…</c>: the bound model as one JSON
/// document, as one Akoma Ntoso debate per meeting (<see cref="AkomaNtosoExporter"/>), as a ParlaMint-shaped
/// TEI corpus (<see cref="TeiExporter"/>), or as Popolo JSON
/// (<see cref="PopoloExporter"/>). Nothing is exported from files with errors unless <c>--force</c> (LANGUAGE.md §9); the
/// output is written atomically and never over one of the files being read.
/// </summary>
internal static class ExportCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var (target, outputPath, force, _, paths) = CommandOptions.Parse(arguments, "export", "--to");

        if (target is not ("json" or "akn" or "tei" or "popolo"))
        {
            throw new UsageException(target is null ? "export needs --to json|akn|tei|popolo" : $"Unknown export target '{target}'; the available targets are json, akn, tei and popolo");
        }

        if (target is "akn" or "tei" && outputPath is null)
        {
            throw new UsageException($"export --to {target} writes one document per meeting: it needs -o DIR");
        }

        if (paths.Count == 0)
        {
            throw new UsageException("export needs at least one file or folder");
        }

        var (files, compilation) = Workspace.Load(paths);
        if (outputPath is not null && files.Any(file => Workspace.SameFile(file, outputPath)))
        {
            throw new UsageException($"Refusing to write {outputPath}: it is one of the files being exported");
        }

        var errors = compilation.Diagnostics.Count(d => d.Severity == StatementDsl.Language.Diagnostics.Severity.Error);
        if (errors > 0 && !force)
        {
            Console.Error.WriteLine($"stmt: nothing exported: {errors} error(s); run 'stmt check' to see them, or export anyway with --force");
            return 1;
        }

        if (target is "akn" or "tei")
        {
            Directory.CreateDirectory(outputPath!);
            foreach (var (fileName, xml) in target == "akn" ? AkomaNtosoExporter.Write(compilation) : TeiExporter.Write(compilation))
            {
                FormatCommand.WriteAtomically(Path.Combine(outputPath!, fileName), xml, byteOrderMark: false);
            }

            return Finish(errors);
        }

        using var buffer = new MemoryStream();
        if (target == "popolo")
        {
            PopoloExporter.Write(compilation, buffer);
        }
        else
        {
            JsonExporter.Write(compilation, buffer);
        }

        buffer.WriteByte((byte)'\n');
        if (outputPath is null)
        {
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            FormatCommand.WriteAtomically(outputPath, System.Text.Encoding.UTF8.GetString(buffer.ToArray()), byteOrderMark: false);
        }

        return Finish(errors);
    }

    private static int Finish(int errors)
    {
        if (errors > 0)
        {
            Console.Error.WriteLine($"stmt: exported with {errors} error(s); run 'stmt check' to see them");
        }

        return errors > 0 ? 1 : 0;
    }
}
