using System.Globalization;
using System.Text;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Opaque NextToken: a scope (the operation) and a position in the store's stable order.</summary>
internal static class PageToken
{
    public static string Encode(string scope, int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"sim1|{scope}|{position}")));

    /// <summary>Position 0 for a null/empty token; InvalidNextToken for anything this scope did not hand out.</summary>
    public static int Decode(string scope, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 3 && parts[0] == "sim1" && parts[1] == scope
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Not base64: fall through to the EC2 error.
        }

        throw Ec2Errors.InvalidNextToken(token);
    }

    /// <summary>Takes one page of (position, item) matches; the token points at the next match, null when there is none.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<(int Position, T Item)> matches, int? maxResults, string scope)
    {
        var page = new List<T>();
        foreach (var (position, item) in matches)
        {
            if (maxResults is int max && page.Count >= max)
            {
                return (page, Encode(scope, position));
            }

            page.Add(item);
        }

        return (page, null);
    }

    public static void CheckRange(int? maxResults, int min, int max, string parameter = "MaxResults")
    {
        if (maxResults is int value && (value < min || value > max))
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. Expecting a value between {min} and {max}.");
        }
    }
}
