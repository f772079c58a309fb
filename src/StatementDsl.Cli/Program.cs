using System.Text;
using StatementDsl.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return CommandLine.Run(args, Console.Out);
