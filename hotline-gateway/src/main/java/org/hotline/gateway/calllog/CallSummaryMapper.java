package org.hotline.gateway.calllog;

import org.hotline.caseconnector.model.CallSummary;
import org.hotline.gateway.channel.ContactChannel;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** A call record as it leaves the gateway for the case store. */
@Mapper
public interface CallSummaryMapper {

    CallSummaryMapper INSTANCE = Mappers.getMapper(CallSummaryMapper.class);

    @Mapping(target = "queueWaitSeconds", expression = "java(record.queueWait().toSeconds())")
    @Mapping(target = "talkTimeSeconds", expression = "java(record.talkTime().toSeconds())")
    @Mapping(target = "outcome", expression = "java(record.outcome().wireName())")
    CallSummary toSummary(CallRecord record);

    default String channel(ContactChannel channel) {
        return channel == null ? null : channel.wireName();
    }
}
