namespace AmiAutomation.Runtime.Hosting;

/// <summary>Every environment variable the host reads or writes.</summary>
public static class RuntimeEnvironmentVariableNames
{
    /// <summary>Runtime API <c>host:port</c>; required.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's <c>Handler</c> value on <c>provided.*</c> runtimes: picks the function.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>Handler selection that wins over <see cref="Handler"/> when set (managed <c>dotnet*</c> runtimes use
    /// <c>_HANDLER</c> for the executable itself).</summary>
    public const string HandlerOverride = "AMI_AUTOMATION_HANDLER";

    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>Set by the host to the invocation's trace header; removed between invocations.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary><c>true</c>: serve one invocation, then exit 0 (local runs).</summary>
    public const string RunOnce = "AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE";

    /// <summary>Log level; precedence <see cref="AmiAutomationLogLevel"/> &gt; <see cref="HandlerLogLevel"/> &gt;
    /// <see cref="LogLevel"/> &gt; <see cref="PowertoolsLogLevel"/>.</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>
    /// The stack's own log level (template parameter <c>LogLevel</c>), applied by our logger only. Lambda's
    /// ApplicationLogLevel stays INFO (Lambda sets <see cref="LogLevel"/> from it): Lambda drops JSON lines below it, and
    /// EMF documents have no <c>level</c>, count as INFO, and must never be dropped. EMF is written past the logger's filter.
    /// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
    /// </summary>
    public const string AmiAutomationLogLevel = "AMI_AUTOMATION_LOG_LEVEL";
    public const string HandlerLogLevel = "AWS_LAMBDA_HANDLER_LOG_LEVEL";
    public const string PowertoolsLogLevel = "POWERTOOLS_LOG_LEVEL";

    /// <summary><c>JSON</c> (default) or <c>Text</c>; <see cref="HandlerLogFormat"/> wins when set.</summary>
    public const string LogFormat = "AWS_LAMBDA_LOG_FORMAT";
    public const string HandlerLogFormat = "AWS_LAMBDA_HANDLER_LOG_FORMAT";

    /// <summary>The <c>service</c> log key and metric dimension; default the handler name.</summary>
    public const string ServiceName = "POWERTOOLS_SERVICE_NAME";

    /// <summary>EMF namespace; default <c>AmiAutomation</c>.</summary>
    public const string MetricsNamespace = "POWERTOOLS_METRICS_NAMESPACE";
}
