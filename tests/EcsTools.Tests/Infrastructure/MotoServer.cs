using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Infrastructure;

/// <summary>
/// One moto server (<c>python3 -m moto.server -H 127.0.0.1 -p PORT</c>) running as a child process of the test host.
/// </summary>
/// <remarks>
/// The server is started through a small launcher (<c>python3 -c …</c>) that runs the <c>moto.server</c> module exactly as
/// <c>-m</c> would, in the same process, after starting a watchdog: the child exits when its stdin (a pipe held only by
/// this process) reaches end of file or when it is re-parented, so a test host that dies, even by SIGKILL, leaves no
/// orphan. Dispose (and, as a second line, <see cref="AppDomain.ProcessExit"/>) kills the process tree.
/// Set <c>ECSTOOLS_TEST_PYTHON</c> to use another interpreter than <c>python3</c>.
/// </remarks>
public sealed class MotoServer : IAsyncDisposable
{
    public const string InstallHint = "python3 -m pip install 'moto[server]'";
    public const string PythonEnvironmentVariable = "ECSTOOLS_TEST_PYTHON";

    private const int MaxStartAttempts = 3;

    // argv: -c LAUNCHER PARENT_PID <moto.server arguments>
    private const string Launcher = """
        import os, sys, threading, time
        parent = int(sys.argv[1])
        def exit_on_stdin_eof():
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except Exception:
                pass
            os._exit(0)
        def exit_when_orphaned():
            if os.getppid() != parent:
                return
            while True:
                time.sleep(1)
                if os.getppid() != parent:
                    os._exit(0)
        threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
        threading.Thread(target=exit_when_orphaned, daemon=True).start()
        sys.argv = ["moto.server"] + sys.argv[2:]
        import runpy, traceback
        code = 0
        try:
            runpy.run_module("moto.server", run_name="__main__", alter_sys=True)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
        """;

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly OutputBuffer _stderr;
    private readonly HttpClient _http;
    private readonly EventHandler _killOnProcessExit;
    private int _disposed;

    private MotoServer(Process process, OutputBuffer stderr, HttpClient http, int port, string pythonExecutable, TimeSpan startupTime)
    {
        _process = process;
        _stderr = stderr;
        _http = http;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        PythonExecutable = pythonExecutable;
        StartupTime = startupTime;
        _killOnProcessExit = (_, _) => Kill(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnProcessExit;
    }

    /// <summary>The interpreter used when none is given: <c>$ECSTOOLS_TEST_PYTHON</c>, else <c>python3</c>.</summary>
    public static string DefaultPythonExecutable =>
        Environment.GetEnvironmentVariable(PythonEnvironmentVariable) is { Length: > 0 } python ? python : "python3";

    /// <summary>The server's base address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Endpoint { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The interpreter that runs the server (also the one to run seed scripts with).</summary>
    public string PythonExecutable { get; }

    /// <summary>From process start to the first HTTP answer.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The last lines moto wrote to stderr (its request log and any traceback).</summary>
    public string RecentStandardError => _stderr.Snapshot();

    public static Task<MotoServer> StartAsync(CancellationToken ct = default) => StartAsync(DefaultPythonExecutable, ct);

    /// <exception cref="InvalidOperationException">Python or moto is missing, or moto exited at start (the message says what to install).</exception>
    /// <exception cref="TimeoutException">moto did not answer within 60 s.</exception>
    public static async Task<MotoServer> StartAsync(string pythonExecutable, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pythonExecutable);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(pythonExecutable, ct).ConfigureAwait(false);
            }
            catch (PortInUseException) when (attempt < MaxStartAttempts)
            {
                // Another process took the free port between our probe and moto's bind: pick another one.
            }
        }
    }

    /// <summary>POST /moto-api/reset: wipes every backend's state (the state-manager settings survive).</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        using var response = await _http.PostAsync(new Uri(Endpoint, "moto-api/reset"), content: null, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "reset", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes tasks stay RUNNING until StopTask: by default moto moves a task one lifecycle step per DescribeTasks call.
    /// </summary>
    public async Task KeepTasksRunningAsync(CancellationToken ct = default)
    {
        const string body = """{"model_name":"ecs::task","transition":{"progression":"manual","times":1000000}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Endpoint, "moto-api/state-manager/set-transition"), content, ct)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, "state-manager/set-transition", ct).ConfigureAwait(false);
    }

    /// <summary>A <see cref="RawEcsClient"/> for this server (us-east-1, test/test). The caller disposes it.</summary>
    public RawEcsClient CreateEcsClient() => new(Endpoint);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnProcessExit;
        Kill(_process);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Kill was sent; nothing more we can do.
            }
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static async Task<MotoServer> StartOnceAsync(string python, CancellationToken ct)
    {
        var port = GetFreeLoopbackPort();
        var startInfo = new ProcessStartInfo(python)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in new[]
        {
            "-c", Launcher, Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONUNBUFFERED"] = "1";

        var stderr = new OutputBuffer();
        var stdout = new OutputBuffer();
        var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not start '{python}' to run the moto ECS emulator ({ex.Message}). The tests need Python 3 with moto's " +
                $"server: install Python 3, then run: {InstallHint} (or set {PythonEnvironmentVariable} to a Python that has it).",
                ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var probe = new Uri(endpoint, "moto-api/state-manager/get-transition?model_name=ecs::task");
        try
        {
            using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct);
            overall.CancelAfter(s_startTimeout);
            while (true)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false); // flush the output
                    throw ExitedAtStart(python, process.ExitCode, endpoint, stderr.Snapshot(), stdout.Snapshot());
                }

                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
                    attempt.CancelAfter(TimeSpan.FromSeconds(2));
                    using var response = await http.GetAsync(probe, attempt.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (OperationCanceledException) when (!overall.IsCancellationRequested)
                {
                    // This probe timed out; try again.
                }

                await Task.Delay(s_pollInterval, overall.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            process.Dispose();
            http.Dispose();
            throw new TimeoutException(
                $"moto did not answer on {endpoint} within {s_startTimeout.TotalSeconds:0} s ('{python} -m moto.server'). " +
                $"stderr:{Environment.NewLine}{stderr.Snapshot()}");
        }
        catch
        {
            Kill(process);
            process.Dispose();
            http.Dispose();
            throw;
        }

        return new MotoServer(process, stderr, http, port, python, stopwatch.Elapsed);
    }

    private static Exception ExitedAtStart(string python, int exitCode, Uri endpoint, string stderr, string stdout)
    {
        if (stderr.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return new PortInUseException(stderr);
        }

        var hint = stderr.Contains("No module named", StringComparison.Ordinal)
            ? $"moto with its server extras is not installed for '{python}'. Install it with: {InstallHint}"
            : $"Check that '{python}' is Python 3 with moto's server installed ({InstallHint}).";
        return new InvalidOperationException(
            $"moto exited with code {exitCode.ToString(CultureInfo.InvariantCulture)} before answering on {endpoint}. {hint}" +
            $"{Environment.NewLine}stderr:{Environment.NewLine}{stderr}" +
            (stdout.Length > 0 ? $"{Environment.NewLine}stdout:{Environment.NewLine}{stdout}" : string.Empty));
    }

    private static int GetFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone (or never started).
        }
        catch (Win32Exception)
        {
            // Could not kill (already exiting): the watchdog ends it when our end of its stdin closes.
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"moto {what} failed: HTTP {(int)response.StatusCode} {body}{Environment.NewLine}stderr:{Environment.NewLine}{RecentStandardError}");
        }
    }

    private sealed class PortInUseException(string stderr) : Exception(stderr);

    /// <summary>Keeps the last lines of a process stream, read asynchronously so the pipe never fills.</summary>
    private sealed class OutputBuffer
    {
        private const int MaxLines = 200;
        private readonly Queue<string> _lines = new();
        private readonly Lock _lock = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lock)
            {
                _lines.Enqueue(line);
                while (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public string Snapshot()
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }
}

/// <summary>What <c>tests/EcsTools.Tests/moto/seed.py</c> created (ARNs and ids), parsed from its JSON output.</summary>
public sealed record MotoScene(
    Uri Endpoint,
    string Region,
    string AccountId,
    string Ec2ClusterName,
    string Ec2ClusterArn,
    string FargateClusterName,
    string FargateClusterArn,
    IReadOnlyList<string> Ec2InstanceIds,
    IReadOnlyList<string> ContainerInstanceArns,
    string Web1TaskDefinitionArn,
    string Web2TaskDefinitionArn,
    string Multi1TaskDefinitionArn,
    string FargateWeb1TaskDefinitionArn,
    string VpcId,
    string SubnetId,
    string SecurityGroupId,
    string CheckoutServiceArn,
    string LegacyServiceArn);

/// <summary>
/// One moto per test collection, reset, told to keep tasks RUNNING, and seeded with the <see cref="MotoScene"/>.
/// Use with <c>[Collection(MotoCollection.Name)]</c>; a test that changes state it must not leak calls
/// <see cref="ResetSceneAsync"/>.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions s_sceneOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private const string InstallHintForSeed = "python3 -m pip install boto3 'moto[server]'";

    private static readonly Lazy<string> s_seedScriptPath = new(FindSeedScript);

    private MotoServer? _server;
    private MotoScene? _scene;
    private RawEcsClient? _ecs;

    public MotoServer Server => _server ?? throw NotInitialized();

    /// <summary>The scene of the last seed.</summary>
    public MotoScene Scene => _scene ?? throw NotInitialized();

    /// <summary>A raw client on <see cref="Server"/>, for checks independent of the module's own client.</summary>
    public RawEcsClient Ecs => _ecs ?? throw NotInitialized();

    public Uri Endpoint => Server.Endpoint;

    /// <summary>How long the last <see cref="SeedAsync"/> took (running seed.py, Python start included).</summary>
    public TimeSpan SeedTime { get; private set; }

    /// <summary>Where seed.py is (found from the RepoRoot assembly metadata, else by walking up from the test binaries).</summary>
    public static string SeedScriptPath => s_seedScriptPath.Value;

    public async Task InitializeAsync()
    {
        _server = await MotoServer.StartAsync().ConfigureAwait(false);
        _ecs = _server.CreateEcsClient();
        await ResetSceneAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        _ecs?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Resets moto, keeps tasks RUNNING until StopTask, and seeds a fresh scene (also stored in <see cref="Scene"/>).</summary>
    public async Task<MotoScene> ResetSceneAsync(CancellationToken ct = default)
    {
        await Server.ResetAsync(ct).ConfigureAwait(false);
        await Server.KeepTasksRunningAsync(ct).ConfigureAwait(false);
        return await SeedAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs seed.py against <see cref="Server"/> and parses what it created. moto must not hold the scene already
    /// (seed.py refuses): use <see cref="ResetSceneAsync"/> to start over.
    /// </summary>
    public async Task<MotoScene> SeedAsync(CancellationToken ct = default)
    {
        var scene = await SeedAsync(Server, ct).ConfigureAwait(false);
        _scene = scene.Scene;
        SeedTime = scene.Elapsed;
        return scene.Scene;
    }

    /// <summary>Runs seed.py against <paramref name="server"/> (region us-east-1, credentials test/test).</summary>
    public static async Task<(MotoScene Scene, TimeSpan Elapsed)> SeedAsync(MotoServer server, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var startInfo = new ProcessStartInfo(server.PythonExecutable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { SeedScriptPath, "--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["AWS_ACCESS_KEY_ID"] = "test";
        startInfo.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        startInfo.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        startInfo.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var name in new[] { "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL_EC2" })
        {
            startInfo.Environment.Remove(name);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{server.PythonExecutable}'.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        string stdout;
        string stderr;
        try
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            stdout = await stdoutTask.ConfigureAwait(false);
            stderr = await stderrTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var elapsed = stopwatch.Elapsed;
        if (process.ExitCode != 0)
        {
            var hint = stderr.Contains("No module named", StringComparison.Ordinal)
                ? $" boto3 is missing for '{server.PythonExecutable}': {InstallHintForSeed}."
                : string.Empty;
            throw new InvalidOperationException(
                $"seed.py exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}.{hint}{Environment.NewLine}" +
                $"stderr:{Environment.NewLine}{stderr}{Environment.NewLine}moto stderr:{Environment.NewLine}{server.RecentStandardError}");
        }

        MotoScene? scene;
        try
        {
            scene = JsonSerializer.Deserialize<MotoScene>(stdout, s_sceneOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"seed.py printed something that is not a scene: {ex.Message}{Environment.NewLine}{stdout}", ex);
        }

        return (scene ?? throw new InvalidOperationException("seed.py printed null."), elapsed);
    }

    private static InvalidOperationException NotInitialized() =>
        new("MotoFixture is not initialized (use it as an xunit collection fixture, [Collection(\"moto\")]).");

    private static string FindSeedScript()
    {
        const string relative = "tests/EcsTools.Tests/moto/seed.py";
        var candidates = new List<string>();
        var repoRoot = typeof(MotoFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(repoRoot))
        {
            candidates.Add(Path.Combine(repoRoot, relative));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, relative));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Could not find {relative}; looked in:{Environment.NewLine}{string.Join(Environment.NewLine, candidates)}");
    }
}

/// <summary>The test collection that shares one <see cref="MotoFixture"/>: <c>[Collection(MotoCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
