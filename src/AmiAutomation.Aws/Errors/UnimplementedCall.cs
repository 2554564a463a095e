using AmiAutomation.Core.Inventory;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Errors;

/// <summary>
/// An endpoint that does not implement a call: an answer without an AWS error code at HTTP 5xx (moto 5.2 answers
/// DescribeImageReferences with an HTML "500 Internal Server Error" page), or one of the codes emulators use for unknown
/// actions. Real EC2 always answers with an XML error code, so this is an emulator (moto, LocalStack) or a proxy, and
/// the report names the setting that switches the source off instead of echoing the page.
/// </summary>
public static class UnimplementedCall
{
    /// <summary>The functions' setting (<c>CommonSettings.DisabledReferenceSourcesVariable</c>, equal by test), named
    /// here so every report of the inventory carries the fix.</summary>
    public const string DisabledSourcesSetting = "DISABLED_REFERENCE_SOURCES";

    private static readonly HashSet<string> UnknownActionCodes = new(StringComparer.Ordinal)
    {
        "InvalidAction", "UnknownOperation", "UnknownOperationException", "NotImplemented", "UnsupportedOperation",
    };

    public static bool Matches(AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode)
            ? (int)exception.StatusCode >= 500
            : UnknownActionCodes.Contains(exception.ErrorCode);
    }

    /// <summary>One line: what the endpoint answered (code, not the page) and the setting that switches
    /// <paramref name="source"/> off, with the warning that goes with it.</summary>
    public static string Describe(string operation, InventorySource source, AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var answer = string.IsNullOrEmpty(exception.ErrorCode)
            ? $"{Ec2ErrorCodes.CodeOf(exception)}, an answer without an AWS error code"
            : exception.ErrorCode;
        return $"{operation} failed: the endpoint may not implement it ({answer}; emulators such as moto lack it). "
            + $"Against such an emulator switch the source off with {DisabledSourcesSetting}={source} "
            + $"(e.g. --set {DisabledSourcesSetting}={source}); never against a real account, where this source is what "
            + "sees the image's users that no other source reads.";
    }
}
