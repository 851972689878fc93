using System.CommandLine;
using System.Globalization;

namespace LockSimulator.CommandLine;

/// <summary>
/// The kinds of option the simulator's commands take, each refusing a bad value with a message
/// that names the option and what it takes (System.CommandLine's own would name a .NET type).
/// </summary>
public static class OptionKinds
{
    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, <paramref name="fallback"/> when left out.</summary>
    public static Option<int> WholeNumber(string name, string description, int fallback, int minimum = 0, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                string text = result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum)
                {
                    return value;
                }

                string range = (minimum, maximum) switch
                {
                    (int.MinValue, int.MaxValue) => "",
                    (_, int.MaxValue) => $" ≥ {minimum}",
                    _ => $" {minimum} … {maximum}",
                };
                result.AddError($"{name} takes a whole number{range}, not '{text}'");
                return fallback;
            },
        };

    /// <summary>A non-empty word or path; null when left out.</summary>
    public static Option<string> Text(string name, string helpName, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value.Length: 0 }])
            {
                result.AddError($"{name} needs a value");
            }
        });
        return option;
    }

    /// <summary>One of <paramref name="choices"/>; null when left out.</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', choices) };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && System.Array.IndexOf(choices, token.Value) < 0)
            {
                result.AddError($"{name} takes {string.Join("|", choices)}, not '{token.Value}'");
            }
        });
        return option;
    }
}
