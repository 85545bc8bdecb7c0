using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine;

/// <summary>
/// The ECS operations EcsTools calls, one method each; every failure is an <see cref="EcsServiceException"/>. The changes that
/// are not safe to repeat are in EcsConnection.Outcomes.cs, which finds out what an ambiguous failure did. The task set
/// operations and the listings are public in ECS terms (EcsConnection.TaskSets.cs, EcsConnection.Listing.cs), their wire
/// methods internal.
/// </summary>
public sealed partial class EcsConnection
{
    private Task<StartTaskResponse> SendStartTaskAsync(StartTaskRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("StartTask", request, EcsRequestJsonContext.Default.StartTaskRequest, EcsJsonContext.Default.StartTaskResponse, cancellationToken,
            TaskAnswerReader.ReadStartTask);

    private Task<RunTaskResponse> SendRunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("RunTask", request, EcsRequestJsonContext.Default.RunTaskRequest, EcsJsonContext.Default.RunTaskResponse, cancellationToken,
            TaskAnswerReader.ReadRunTask);

    internal Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeTasks", request, EcsJsonContext.Default.DescribeTasksRequest, EcsJsonContext.Default.DescribeTasksResponse, cancellationToken);

    private Task<StopTaskResponse> SendStopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("StopTask", request, EcsJsonContext.Default.StopTaskRequest, EcsJsonContext.Default.StopTaskResponse, cancellationToken);

    internal Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListTasks", request, EcsJsonContext.Default.ListTasksRequest, EcsJsonContext.Default.ListTasksResponse, cancellationToken);

    internal Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeTaskDefinition", request, EcsJsonContext.Default.DescribeTaskDefinitionRequest, EcsJsonContext.Default.DescribeTaskDefinitionResponse, cancellationToken);

    internal Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListTaskDefinitions", request, EcsJsonContext.Default.ListTaskDefinitionsRequest, EcsJsonContext.Default.ListTaskDefinitionsResponse, cancellationToken);

    internal Task<ListTaskDefinitionFamiliesResponse> ListTaskDefinitionFamiliesAsync(ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListTaskDefinitionFamilies", request, EcsJsonContext.Default.ListTaskDefinitionFamiliesRequest, EcsJsonContext.Default.ListTaskDefinitionFamiliesResponse, cancellationToken);

    private Task<CreateTaskSetResponse> SendCreateTaskSetAsync(CreateTaskSetRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("CreateTaskSet", request, EcsJsonContext.Default.CreateTaskSetRequest, EcsJsonContext.Default.CreateTaskSetResponse, cancellationToken);

    internal Task<DescribeTaskSetsResponse> DescribeTaskSetsAsync(DescribeTaskSetsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeTaskSets", request, EcsJsonContext.Default.DescribeTaskSetsRequest, EcsJsonContext.Default.DescribeTaskSetsResponse, cancellationToken);

    private Task<UpdateTaskSetResponse> SendUpdateTaskSetAsync(UpdateTaskSetRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("UpdateTaskSet", request, EcsJsonContext.Default.UpdateTaskSetRequest, EcsJsonContext.Default.UpdateTaskSetResponse, cancellationToken);

    private Task<DeleteTaskSetResponse> SendDeleteTaskSetAsync(DeleteTaskSetRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("DeleteTaskSet", request, EcsJsonContext.Default.DeleteTaskSetRequest, EcsJsonContext.Default.DeleteTaskSetResponse, cancellationToken);

    private Task<UpdateServicePrimaryTaskSetResponse> SendUpdateServicePrimaryTaskSetAsync(UpdateServicePrimaryTaskSetRequest request, CancellationToken cancellationToken) =>
        InvokeAsync("UpdateServicePrimaryTaskSet", request, EcsJsonContext.Default.UpdateServicePrimaryTaskSetRequest, EcsJsonContext.Default.UpdateServicePrimaryTaskSetResponse, cancellationToken);

    internal Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListServices", request, EcsJsonContext.Default.ListServicesRequest, EcsJsonContext.Default.ListServicesResponse, cancellationToken);

    internal Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListClusters", request, EcsJsonContext.Default.ListClustersRequest, EcsJsonContext.Default.ListClustersResponse, cancellationToken);

    internal Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeClusters", request, EcsJsonContext.Default.DescribeClustersRequest, EcsJsonContext.Default.DescribeClustersResponse, cancellationToken);

    internal Task<ListContainerInstancesResponse> ListContainerInstancesAsync(ListContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListContainerInstances", request, EcsJsonContext.Default.ListContainerInstancesRequest, EcsJsonContext.Default.ListContainerInstancesResponse, cancellationToken);

    internal Task<DescribeCapacityProvidersResponse> DescribeCapacityProvidersAsync(DescribeCapacityProvidersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeCapacityProviders", request, EcsJsonContext.Default.DescribeCapacityProvidersRequest, EcsJsonContext.Default.DescribeCapacityProvidersResponse, cancellationToken);
}
