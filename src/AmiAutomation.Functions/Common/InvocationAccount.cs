using System.Text.RegularExpressions;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// The account a function acts for: <c>ACCOUNT_ID</c> when set, else the account in the invoked function's ARN
/// (<c>arn:aws:lambda:region:ACCOUNT:function:name</c>, which Lambda sends with every invocation). Ownership checks
/// ("never touch or copy an image another account owns") must not depend on an optional variable.
/// </summary>
public static partial class InvocationAccount
{
    /// <summary>The account to act for; null only when neither <c>ACCOUNT_ID</c> nor a function ARN is known.</summary>
    /// <exception cref="ConfigurationException"><c>ACCOUNT_ID</c> names another account than the function's ARN.</exception>
    public static string? Resolve(string? configured, string? functionArn)
    {
        var fromArn = FromArn(functionArn);
        if (configured is not null && fromArn is not null && !string.Equals(configured, fromArn, StringComparison.Ordinal))
        {
            throw new ConfigurationException(
                [$"{CommonSettings.AccountIdVariable}={configured} is not the account this function runs in ({fromArn}, from its ARN); remove the variable or correct it."]);
        }

        return configured ?? fromArn;
    }

    /// <summary>Rejects an event whose <c>account</c> is not <paramref name="account"/>: an event from another account
    /// (a shared bus, a forwarding rule) names images this account does not own.</summary>
    /// <exception cref="InvalidEventException">The event's account differs.</exception>
    public static void CheckEvent(string function, string? eventAccount, string? account)
    {
        if (eventAccount is null || account is null || string.Equals(eventAccount.Trim(), account, StringComparison.Ordinal))
        {
            return;
        }

        throw new InvalidEventException(
            $"The {function} function rejected an event from account '{Quote.Cap(eventAccount)}': it acts only for account {account}, where it runs. Check the EventBridge rule or bus that delivered it.");
    }

    /// <summary>The account from <c>arn:aws:lambda:region:ACCOUNT:function:name</c>; null when absent or not an ARN.</summary>
    public static string? FromArn(string? functionArn)
    {
        var match = functionArn is null ? null : ArnPattern().Match(functionArn);
        return match is { Success: true } ? match.Groups["account"].Value : null;
    }

    [GeneratedRegex(@"^arn:[a-z-]+:lambda:[a-z0-9-]+:(?<account>\d{12}):function:", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();
}
