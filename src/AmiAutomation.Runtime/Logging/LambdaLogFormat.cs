namespace AmiAutomation.Runtime.Logging;

/// <summary>Log record layout, from <c>AWS_LAMBDA_LOG_FORMAT</c>.</summary>
public enum LambdaLogFormat
{
    /// <summary>One JSON object per line with Powertools-compatible keys (the default).</summary>
    Json,

    /// <summary><c>&lt;timestamp&gt;\t&lt;requestId&gt;\t&lt;LEVEL&gt;\t&lt;message&gt;</c>, one line per record.</summary>
    Text,
}
