using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EcsTools.Tour;

/// <summary>The command line of the tour host: options first, then the script and its arguments.</summary>
internal sealed class TourOptions
{
    public const string Usage = """
        EcsTools tour: runs a script in the real PowerShell engine with out/EcsTools imported, against LocalEcs (an
        in-process ECS endpoint with the demo scene), another ECS endpoint, or real AWS.

        Usage: dotnet run --project src/EcsTools.Tour -- [options] [script [script arguments...]]

          script           a .ps1 file, or the name of an example in examples/ (default: tour)
          --list           list the examples and what they do
          --endpoint URL   use this ECS endpoint (e.g. moto) with test credentials, instead of LocalEcs
          --aws            use real AWS: your credentials, region and endpoint (with --endpoint: that endpoint)
          --region NAME    the region (default: $AWS_REGION, else us-east-1 for LocalEcs and --endpoint)
          --step DURATION  LocalEcs: the length of one task lifecycle step (default 400ms; e.g. 1s, 50ms)
          --width N        the width of the output (default: the terminal's; 120 when the output is redirected)
          --no-import      do not import EcsTools first (the script imports it)
          --help           this text

        Exit code: the script's (exit N), 1 if it ended with a terminating error, 130 if stopped with Ctrl+C,
        64 for a mistake on this command line.
        """;

    public string? Endpoint { get; private set; }

    public bool UseAws { get; private set; }

    public string? Region { get; private set; }

    public TimeSpan Step { get; private set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>--width; null when not given (the terminal's width, or 120).</summary>
    public int? Width { get; private set; }

    public bool ImportModule { get; private set; } = true;

    public bool ShowHelp { get; private set; }

    public bool ListExamples { get; private set; }

    /// <summary>The script, as given (a path or an example name); null for the tour.</summary>
    public string? Script { get; private set; }

    public IReadOnlyList<string> ScriptArguments { get; private set; } = [];

    /// <exception cref="ArgumentException">The command line is wrong; the message says how.</exception>
    public static TourOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TourOptions();
        var index = 0;
        string Value(string option) =>
            index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{option} needs a value.");

        for (; index < args.Count && args[index].StartsWith("--", StringComparison.Ordinal); index++)
        {
            var option = args[index];
            if (option == "--")
            {
                index++;
                break;
            }

            switch (option)
            {
                case "--endpoint":
                    options.Endpoint = Value(option);
                    if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                    {
                        throw new ArgumentException($"--endpoint '{options.Endpoint}' is not an http(s) URL such as http://127.0.0.1:5000.");
                    }

                    break;
                case "--aws":
                    options.UseAws = true;
                    break;
                case "--region":
                    options.Region = Value(option);
                    break;
                case "--step":
                    options.Step = ParseDuration(Value(option));
                    break;
                case "--width":
                    options.Width = ParseWidth(Value(option));
                    break;
                case "--no-import":
                    options.ImportModule = false;
                    break;
                case "--list":
                    options.ListExamples = true;
                    break;
                case "--help":
                    options.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {option}.");
            }
        }

        if (index < args.Count)
        {
            options.Script = args[index];
            options.ScriptArguments = [.. args.Skip(index + 1)];
        }

        return options;
    }

    /// <summary>400ms, 1s, 1.5s.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : throw new ArgumentException($"--step '{text}' is not a duration such as 400ms or 1s.");
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * unit < 1)
        {
            throw new ArgumentException($"--step '{text}' is not a duration of 1ms or more, such as 400ms or 1s.");
        }

        return TimeSpan.FromMilliseconds(value * unit);
    }

    private static int ParseWidth(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 40 and <= 1000
            ? width
            : throw new ArgumentException($"--width '{text}' is not a number from 40 to 1000.");
}
