namespace AmiAutomation.Aws.RecycleBin;

/// <summary>The Recycle Bin's retention rules could not be read (denied, throttled, failing, endless listing).</summary>
public sealed class RetentionRulesUnreadableException : Exception
{
    public RetentionRulesUnreadableException()
    {
    }

    public RetentionRulesUnreadableException(string message)
        : base(message)
    {
    }

    public RetentionRulesUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
